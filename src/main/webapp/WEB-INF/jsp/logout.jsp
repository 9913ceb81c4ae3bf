<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><c:set var="pageTitle" value="Sign out"/><%@ include file="layout-top.jspf" %>
<h1>Sign out?</h1>
<p>You are signed in as <strong><c:out value="${username}"/></strong>. Signing out ends your session in every
  application that uses Gatehouse in this browser.</p>
<form method="post" action="${pageContext.request.contextPath}/oauth2/logout">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <c:forEach var="entry" items="${carried}">
    <input type="hidden" name="<c:out value='${entry.key}'/>" value="<c:out value='${entry.value}'/>">
  </c:forEach>
  <div class="actions">
    <button type="submit" name="confirm" value="yes" id="sign-out">Sign out</button>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
