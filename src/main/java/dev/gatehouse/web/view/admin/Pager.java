package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.Paging;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A console list's page: {@code ?page=N} (from 1) in, the links to the pages before and after out. A page number
 * that is not a number, or lies beyond what {@link Paging} allows, shows the first or the last page allowed.
 */
final class Pager {
  static final int SIZE = Paging.DEFAULT_LIMIT;
  private static final int LAST = Paging.MAX_OFFSET / SIZE + 1;

  private Pager() {}

  static Paging requested(HttpServletRequest request) {
    return new Paging((number(request) - 1) * SIZE, SIZE);
  }

  /**
   * Hands the page's links to the JSP ({@code pager.jspf}). {@code path} is the list's console path with its other
   * query parameters, ending in {@code ?} or {@code &}.
   */
  static void show(HttpServletRequest request, Paging.Page<?> page, String path) {
    int number = page.offset() / SIZE + 1;
    long pages = Math.max(1, (page.total() + SIZE - 1) / SIZE);
    request.setAttribute("pageNumber", number);
    request.setAttribute("pageCount", pages);
    request.setAttribute("previousPage", number > 1 ? path + "page=" + (number - 1) : null);
    request.setAttribute("nextPage", number < Math.min(pages, LAST) ? path + "page=" + (number + 1) : null);
  }

  private static int number(HttpServletRequest request) {
    String value = request.getParameter("page");
    if (value == null || !value.matches("[0-9]{1,6}")) {
      return 1;
    }
    return Math.max(1, Math.min(LAST, Integer.parseInt(value)));
  }
}
