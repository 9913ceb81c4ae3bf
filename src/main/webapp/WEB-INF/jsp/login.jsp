<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><fmt:message var="pageTitle" key="login.title"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="login.title"/></h1>
<c:if test="${failed}">
  <p class="alert" role="alert" id="login-error"><fmt:message key="login.failed"/></p>
</c:if>
<form method="post" action="${pageContext.request.contextPath}<c:out value='${formAction}'/>" autocomplete="on">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <c:if test="${not empty requestId}"><input type="hidden" name="request" value="<c:out value='${requestId}'/>"></c:if>
  <c:if test="${not empty next}"><input type="hidden" name="next" value="<c:out value='${next}'/>"></c:if>
  <label for="username"><fmt:message key="login.username"/></label>
  <input id="username" name="username" type="text" autocomplete="username" required autofocus maxlength="190"
         value="<c:out value='${username}'/>">
  <label for="password"><fmt:message key="login.password"/></label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
  <button type="submit" id="sign-in"><fmt:message key="login.submit"/></button>
</form>
<%@ include file="layout-bottom.jspf" %>
