<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><%@ taglib prefix="console" tagdir="/WEB-INF/tags/console" %><c:set var="titleKey" value="admin.user.setPasswordFor"/><c:set var="titleArg" value="${user.username()}"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="admin.user.setPasswordFor"><fmt:param><c:out value="${user.username()}"/></fmt:param></fmt:message></h1>
<%@ include file="errors.jspf" %>
<form method="post" action="<c:url value='/admin/users/password'><c:param name='id' value='${user.subject()}'/></c:url>" id="password-form">
  <input type="hidden" name="csrf" value="<c:out value='${csrf["/admin/users/password"]}'/>">
  <console:text name="password" type="password" required="true" autocomplete="new-password" autofocus="${empty problems}" hint="admin.hint.password"/>
  <div class="actions">
    <button type="submit" id="save"><fmt:message key="admin.user.setPassword"/></button>
    <a class="button secondary" id="cancel" href="<c:url value='/admin/users/show'><c:param name='id' value='${user.subject()}'/></c:url>"><fmt:message key="admin.cancel"/></a>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
