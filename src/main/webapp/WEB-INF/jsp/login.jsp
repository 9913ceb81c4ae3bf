<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><c:set var="pageTitle" value="Sign in"/><%@ include file="layout-top.jspf" %>
<h1>Sign in</h1>
<c:if test="${failed}">
  <p class="alert" role="alert" id="login-error">The username or password is not correct.</p>
</c:if>
<form method="post" action="${pageContext.request.contextPath}/login" autocomplete="on">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <input type="hidden" name="request" value="<c:out value='${requestId}'/>">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="username" required autofocus maxlength="190"
         value="<c:out value='${username}'/>">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
  <button type="submit" id="sign-in">Sign in</button>
</form>
<%@ include file="layout-bottom.jspf" %>
