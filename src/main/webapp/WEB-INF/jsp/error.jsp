<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="error.title"/><%@ include file="layout-top.jspf" %>
<c:choose>
  <c:when test="${not empty error}">
    <h1><fmt:message key="error.heading"/></h1>
    <p class="alert" role="alert"><c:out value="${errorDescription}"/></p>
    <p class="muted"><fmt:message key="error.code"/> <code id="error-code"><c:out value="${error}"/></code></p>
  </c:when>
  <c:when test="${requestScope['jakarta.servlet.error.status_code'] == 404}">
    <h1><fmt:message key="error.notFound.heading"/></h1>
    <p><fmt:message key="error.notFound.explain"/></p>
  </c:when>
  <c:otherwise>
    <h1><fmt:message key="error.unexpected.heading"/></h1>
    <p><fmt:message key="error.unexpected.explain"/></p>
  </c:otherwise>
</c:choose>
<%@ include file="layout-bottom.jspf" %>
