<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><c:set var="pageTitle" value="Allow access"/><%@ include file="layout-top.jspf" %>
<h1>Allow <c:out value="${clientName}"/>?</h1>
<p><strong><c:out value="${clientName}"/></strong> (<code><c:out value="${clientId}"/></code>) asks to access your
  account<c:if test="${not empty username}">, <strong><c:out value="${username}"/></strong></c:if>.</p>
<c:choose>
  <c:when test="${empty scopes}"><p>It asks for no particular permission.</p></c:when>
  <c:otherwise>
    <p>It asks for:</p>
    <ul class="scopes">
      <c:forEach var="scope" items="${scopes}"><li><code><c:out value="${scope}"/></code></li></c:forEach>
    </ul>
  </c:otherwise>
</c:choose>
<form method="post" action="${pageContext.request.contextPath}/consent">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <input type="hidden" name="request" value="<c:out value='${requestId}'/>">
  <div class="actions">
    <button type="submit" name="decision" value="allow" id="allow">Allow</button>
    <button type="submit" name="decision" value="deny" id="deny" class="secondary">Deny</button>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
