<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><%@ taglib prefix="console" tagdir="/WEB-INF/tags/console" %><fmt:message var="pageTitle" key="admin.user.setPasswordFor"><fmt:param value="${user.username()}"/></fmt:message><%@ include file="layout-top.jspf" %>
<h1><c:out value="${pageTitle}"/></h1>
<%@ include file="errors.jspf" %>
<form method="post" action="<c:url value='/admin/users/password'><c:param name='id' value='${user.subject()}'/></c:url>" id="password-form">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <console:text name="password" type="password" required="true" autocomplete="new-password" autofocus="${empty problems}" hint="admin.hint.password"/>
  <div class="actions">
    <button type="submit" id="save"><fmt:message key="admin.user.setPassword"/></button>
    <a class="button secondary" id="cancel" href="<c:url value='/admin/users/show'><c:param name='id' value='${user.subject()}'/></c:url>"><fmt:message key="admin.cancel"/></a>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
