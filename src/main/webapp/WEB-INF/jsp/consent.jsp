<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><fmt:message var="pageTitle" key="consent.title"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="consent.heading"><fmt:param value="${clientName}"/></fmt:message></h1>
<p><strong><c:out value="${clientName}"/></strong> (<code><c:out value="${clientId}"/></code>) <fmt:message key="consent.asks"/><c:if test="${not empty username}">: <strong><c:out value="${username}"/></strong></c:if>.</p>
<c:choose>
  <c:when test="${empty scopes}"><p><fmt:message key="consent.none"/></p></c:when>
  <c:otherwise>
    <p><fmt:message key="consent.for"/></p>
    <ul class="scopes">
      <c:forEach var="scope" items="${scopes}"><li><code><c:out value="${scope}"/></code></li></c:forEach>
    </ul>
  </c:otherwise>
</c:choose>
<form method="post" action="${pageContext.request.contextPath}/consent">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <input type="hidden" name="request" value="<c:out value='${requestId}'/>">
  <div class="actions">
    <button type="submit" name="decision" value="allow" id="allow"><fmt:message key="consent.allow"/></button>
    <button type="submit" name="decision" value="deny" id="deny" class="secondary"><fmt:message key="consent.deny"/></button>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
