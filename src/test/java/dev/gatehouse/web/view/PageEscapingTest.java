package dev.gatehouse.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every value that reaches a page is escaped, in every JSP, fragment and tag file: the rules below are what makes
 * that true, and this test reads every page against them (JSTL escapes nothing by itself except in {@code <c:out>}:
 * {@code <fmt:param>} and {@code <fmt:message>} write their text as it is, which let a client named {@code Evil<b>…}
 * write live markup into the consent page).
 *
 * <ol>
 *   <li>No expression in template text or in a plain HTML attribute: a value is printed by {@code <c:out>} (which
 *       escapes {@code < > & ' "}), or goes into a URL through {@code <c:param>} (which encodes it).</li>
 *   <li>{@code <c:out>} never with {@code escapeXml="false"}; {@code <c:url>} only with a literal path (or the
 *       operator's brand path), since it does not escape what it prints.</li>
 *   <li>{@code <fmt:param>} never takes a {@code value}: its body is a {@code <c:out>}, so the message it fills is
 *       safe markup (the bundles' own text holds no markup characters: rule 5).</li>
 *   <li>{@code <fmt:message var="…">} has no parameters: a stored message is printed with {@code <c:out>}, which would
 *       escape its escaped parameters a second time.</li>
 *   <li>No page string (the message bundles) contains {@code < > " &}.</li>
 *   <li>Every JSP says {@code session="false"}: no page creates an HTTP session for whoever asks for it.</li>
 * </ol>
 */
class PageEscapingTest {
  private static final Path WEB_INF = Path.of("src/main/webapp/WEB-INF");
  private static final Path BUNDLES = Path.of("src/main/resources/dev/gatehouse/web");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final Pattern COMMENT = Pattern.compile("<%--.*?--%>", Pattern.DOTALL);
  private static final Pattern TAG_WITH_PREFIX = Pattern.compile("<(c|fmt|fn|console|jsp):([a-zA-Z]+)");
  private static final Pattern UNSAFE_OUT = Pattern.compile("<c:out[^>]*escapeXml\\s*=\\s*[\"']false");
  private static final Pattern URL_WITH_EXPRESSION = Pattern.compile("<c:url\\s+value\\s*=\\s*([\"'])(?!\\$\\{brand\\.)"
      + "[^\"']*[$#]\\{");
  private static final Pattern PARAM_WITH_VALUE = Pattern.compile("<fmt:param\\s+value\\s*=");
  private static final Pattern PARAM_BODY = Pattern.compile("<fmt:param>(.*?)</fmt:param>", Pattern.DOTALL);
  private static final Pattern STORED_MESSAGE = Pattern.compile("<fmt:message\\s[^>]*\\bvar\\s*=[^>]*[^/]>(.*?)"
      + "</fmt:message>", Pattern.DOTALL);
  /** A single-quoted attribute whose expression holds a single quote: the JSP compiler ends the attribute there. */
  private static final Pattern BROKEN_QUOTES = Pattern.compile("='\\$\\{[^}']*'[^}]*}");
  /** A backslash-escaped quote in a page: HTML has no such escape, so the backslash lands in the attribute. */
  private static final Pattern STRAY_BACKSLASH = Pattern.compile("/>\\\\\"");
  private static final Pattern PAGE_DIRECTIVE = Pattern.compile("<%@\\s*page\\s[^%]*%>");

  @Test
  void everyPageEscapesEveryValue() throws IOException {
    List<String> problems = new ArrayList<>();
    int files = 0;
    for (Path file : pages()) {
      files++;
      String text = Files.readString(file, StandardCharsets.UTF_8);
      problems(text).forEach(p -> problems.add(WEB_INF.relativize(file) + ": " + p));
      if (file.toString().endsWith(".jsp")) {
        Matcher directive = PAGE_DIRECTIVE.matcher(text);
        if (!directive.find() || !directive.group().matches("(?s).*\\bsession\\s*=\\s*\"false\".*")) {
          problems.add(WEB_INF.relativize(file) + ": the page directive lacks session=\"false\"");
        }
      }
    }
    assertTrue(files > 20, "expected the pages, found " + files);
    assertEquals(List.of(), problems);
  }

  @Test
  void noPageStringContainsMarkup() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> bundles = Files.list(BUNDLES)) {
      for (Path bundle : bundles.filter(p -> p.toString().endsWith(".properties")).toList()) {
        List<String> lines = Files.readAllLines(bundle, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).startsWith("#") && lines.get(i).matches(".*[<>\"&].*")) {
            problems.add(bundle.getFileName() + ":" + (i + 1) + ": " + lines.get(i));
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** The rules catch what they are meant to catch (each of these was once in a page). */
  @Test
  void theRulesFindTheUnescapedForms() {
    assertFalse(problems("<h1><fmt:message key=\"consent.heading\"><fmt:param value=\"${clientName}\"/></fmt:message>"
        + "</h1>").isEmpty(), "a raw parameter");
    assertFalse(problems("<input id=\"f-${name}\" name=\"x\">").isEmpty(), "an expression in an HTML attribute");
    assertFalse(problems("<p>${username}</p>").isEmpty(), "an expression in template text");
    assertFalse(problems("<a href=\"${pageContext.request.contextPath}/admin\">x</a>").isEmpty(), "the context path");
    assertFalse(problems("<c:out value=\"${x}\" escapeXml=\"false\"/>").isEmpty(), "unescaped c:out");
    assertFalse(problems("<a href=\"<c:url value='${next}'/>\">x</a>").isEmpty(), "c:url of a value");
    assertFalse(problems("<fmt:message var=\"t\" key=\"k\"><fmt:param><c:out value=\"${x}\"/></fmt:param>"
        + "</fmt:message>").isEmpty(), "a stored message with a parameter");
    assertFalse(problems("<fmt:message key=\"k\"><fmt:param>${x}</fmt:param></fmt:message>").isEmpty(),
        "a parameter body that is not c:out");
    assertFalse(problems("<input type=\"<c:out value='${empty t ? 'text' : t}'/>\">").isEmpty(),
        "quotes the JSP compiler cannot read");
    assertFalse(problems("<a href=\"<c:url value='/admin/users'/>\\\">x</a>").isEmpty(), "a stray backslash");
  }

  @Test
  void theRulesAcceptTheEscapedForms() {
    assertEquals(List.of(), problems("<h1><fmt:message key=\"consent.heading\"><fmt:param><c:out value=\"${x}\"/>"
        + "</fmt:param></fmt:message></h1>"));
    assertEquals(List.of(), problems("<input value=\"<c:out value='${csrf[\"/consent\"]}'/>\">"));
    assertEquals(List.of(), problems("<a href=\"<c:url value='/admin/users/show'><c:param name='id' "
        + "value='${user.subject()}'/></c:url>\">x</a>"));
    assertEquals(List.of(), problems("<c:if test=\"${not empty x}\"><c:forEach var=\"s\" items=\"${scopes}\">"
        + "<c:out value=\"${s}\"/></c:forEach></c:if>"));
    assertEquals(List.of(), problems("<fmt:message var=\"label\" key=\"admin.nav\"/><nav aria-label=\"<c:out "
        + "value='${label}'/>\">"));
    assertEquals(List.of(), problems("<%-- ${not printed} --%><link href=\"<c:url value='${brand.stylesheet}'/>\">"));
  }

  static List<String> problems(String page) {
    String text = COMMENT.matcher(page).replaceAll("");
    List<String> found = new ArrayList<>();
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String tag = enclosingTag(text, expression.start());
      if (tag == null || !(TAG_WITH_PREFIX.matcher(tag).lookingAt() || tag.startsWith("<%@"))) {
        found.add("line " + line(text, expression.start()) + ": an expression outside <c:out>: "
            + excerpt(text, expression.start()));
      }
    }
    find(UNSAFE_OUT, text, "c:out with escapeXml=false", found);
    find(URL_WITH_EXPRESSION, text, "c:url of an expression (it does not escape)", found);
    find(PARAM_WITH_VALUE, text, "fmt:param with a value attribute (not escaped)", found);
    find(BROKEN_QUOTES, text, "a single quote inside a single-quoted attribute (the page does not compile)", found);
    find(STRAY_BACKSLASH, text, "a backslash before a quote in template text (it ends up in the URL)", found);
    Matcher body = PARAM_BODY.matcher(text);
    while (body.find()) {
      if (!body.group(1).strip().matches("<c:out value=(\"[^\"]*\"|'[^']*')\\s*/>")) {
        found.add("line " + line(text, body.start()) + ": fmt:param whose body is not one <c:out/>");
      }
    }
    Matcher stored = STORED_MESSAGE.matcher(text);
    while (stored.find()) {
      if (stored.group(1).contains("<fmt:param")) {
        found.add("line " + line(text, stored.start()) + ": fmt:message var with a parameter");
      }
    }
    return found;
  }

  private static void find(Pattern pattern, String text, String what, List<String> found) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add("line " + line(text, m.start()) + ": " + what);
    }
  }

  /** The tag that {@code at} is inside (from its {@code <}), or null in template text. */
  private static String enclosingTag(String text, int at) {
    int depth = 0;
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '>') {
        depth++;
      } else if (c == '<') {
        if (depth == 0) {
          return text.substring(i, Math.min(text.length(), i + 40));
        }
        depth--;
      }
    }
    return null;
  }

  private static int line(String text, int at) {
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static String excerpt(String text, int at) {
    return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40)).replace('\n', ' ');
  }

  private static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.walk(WEB_INF)) {
      return files.filter(f -> f.toString().matches(".*\\.(jsp|jspf|tag)")).sorted().toList();
    }
  }
}
