<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="consent.title"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="consent.heading"><fmt:param><c:out value="${clientName}"/></fmt:param></fmt:message></h1>
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
<p class="muted" id="return-to"><fmt:message key="consent.returnTo"><fmt:param><c:out value="${returnTo}"/></fmt:param></fmt:message></p>
<form method="post" action="<c:url value='/consent'/>">
  <input type="hidden" name="csrf" value="<c:out value='${csrf["/consent"]}'/>">
  <input type="hidden" name="request" value="<c:out value='${requestId}'/>">
  <div class="actions">
    <button type="submit" name="decision" value="allow" id="allow"><fmt:message key="consent.allow"/></button>
    <button type="submit" name="decision" value="deny" id="deny" class="secondary"><fmt:message key="consent.deny"/></button>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
