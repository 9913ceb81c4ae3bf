<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="login.title"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="login.title"/></h1>
<c:if test="${not empty notice}">
  <p class="alert" role="alert" id="login-error"><fmt:message key="${notice}"><fmt:param><c:out value="${noticeArgument}"/></fmt:param></fmt:message></p>
</c:if>
<form method="post" action="<c:out value='${pageContext.request.contextPath}${formAction}'/>" autocomplete="on">
  <input type="hidden" name="csrf" value="<c:out value='${csrf[formAction]}'/>">
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
