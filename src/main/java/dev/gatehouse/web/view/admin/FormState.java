package dev.gatehouse.web.view.admin;

import dev.gatehouse.protocol.error.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a console form shows: the values of its fields (as typed, so that nothing is lost when the form comes back with
 * errors), which choices are checked, and the problems the application service reported, each next to its field and
 * all in the summary at the top (WCAG 3.3.1, 3.3.3). The JSP tags in {@code WEB-INF/tags/console} read the request
 * attributes {@code values}, {@code checked}, {@code fieldErrors}, {@code problems} and {@code firstInvalid}.
 */
final class FormState {
  /** The longest value a console form field may carry; a longer one is cut (the services then refuse it). */
  static final int MAX_VALUE = 20_000;

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> checked = new HashSet<>();

  FormState text(String name, String value) {
    values.put(name, value == null ? "" : value);
    return this;
  }

  /** A list shown one value per line, in a text area. */
  FormState lines(String name, List<String> list) {
    return text(name, list == null ? "" : String.join("\n", list));
  }

  /** A radio button or check box {@code value} of the field {@code name} is checked. */
  FormState choose(String name, String value) {
    if (value != null) {
      checked.add(name + "=" + value);
    }
    return this;
  }

  /** A yes/no check box. */
  FormState flag(String name, boolean on) {
    return on ? choose(name, "true") : this;
  }

  /** Hands the form to the JSP. */
  void show(HttpServletRequest request) {
    request.setAttribute("values", values);
    request.setAttribute("checked", checked);
  }

  /**
   * The problems for the JSP: by field for the fields of the form ({@code fields}), and every one in the summary.
   * A problem with a field the form does not have is shown in the summary under the form as a whole.
   */
  static void problems(HttpServletRequest request, List<FieldProblem> problems, Set<String> fields) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<Map<String, String>> summary = new ArrayList<>();
    for (FieldProblem p : problems) {
      String field = fields.contains(p.field()) ? p.field() : "form";
      byField.computeIfAbsent(field, f -> new ArrayList<>()).add(p.reason());
      summary.add(Map.of("field", field, "reason", p.reason()));
    }
    request.setAttribute("fieldErrors", byField);
    request.setAttribute("problems", summary);
    request.setAttribute("firstInvalid", summary.isEmpty() ? null : summary.get(0).get("field"));
  }

  /** A field sent at most once, trimmed; null when absent or blank. */
  static String text(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.length() > MAX_VALUE ? trimmed.substring(0, MAX_VALUE) : trimmed;
  }

  /** A text area's non-blank lines, trimmed. */
  static List<String> lines(HttpServletRequest request, String name) {
    String value = text(request, name);
    return value == null ? List.of()
        : Arrays.stream(value.split("\r?\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** The checked values of a group of check boxes. */
  static List<String> all(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null ? List.of() : Arrays.stream(values).filter(Objects::nonNull).distinct().toList();
  }

  /** A yes/no check box: sent (with any value) when checked. */
  static boolean flag(HttpServletRequest request, String name) {
    return request.getParameter(name) != null;
  }
}
