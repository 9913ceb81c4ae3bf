<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><c:set var="pageTitle" value="Error"/><%@ include file="layout-top.jspf" %>
<c:choose>
  <c:when test="${not empty error}">
    <h1>This request cannot be completed</h1>
    <p class="alert" role="alert"><c:out value="${errorDescription}"/></p>
    <p class="muted">Error code: <code id="error-code"><c:out value="${error}"/></code></p>
  </c:when>
  <c:when test="${requestScope['jakarta.servlet.error.status_code'] == 404}">
    <h1>Not found</h1>
    <p>There is no page at this address.</p>
  </c:when>
  <c:otherwise>
    <h1>Something went wrong</h1>
    <p>The server could not complete the request. Please try again later.</p>
  </c:otherwise>
</c:choose>
<%@ include file="layout-bottom.jspf" %>
