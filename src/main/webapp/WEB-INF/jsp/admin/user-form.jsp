<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><%@ taglib prefix="console" tagdir="/WEB-INF/tags/console" %><c:set var="creating" value="${empty user}"/><c:set var="titleKey" value="${creating ? 'admin.user.new' : 'admin.user.edit'}"/><c:set var="titleArg" value="${user.username()}"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="${titleKey}"><fmt:param><c:out value="${user.username()}"/></fmt:param></fmt:message></h1>
<%@ include file="errors.jspf" %>
<form method="post" action="<c:out value='${pageContext.request.contextPath}${formAction}'/>" id="user-form">
  <input type="hidden" name="csrf" value="<c:out value='${csrf[formAction]}'/>">
  <c:choose>
    <c:when test="${creating}">
      <console:text name="username" required="true" autocomplete="off" autofocus="${empty problems}"/>
      <console:text name="password" type="password" required="true" autocomplete="new-password" hint="admin.hint.password"/>
    </c:when>
    <c:otherwise><input type="hidden" name="username" value="<c:out value='${user.username()}'/>"></c:otherwise>
  </c:choose>
  <console:text name="roles" hint="admin.hint.roles"/>
  <fieldset class="field">
    <legend><fmt:message key="admin.user.claims"/></legend>
    <c:forEach var="claim" items="${claims}">
      <console:text name="${claim}" type="${claim == 'email' ? 'email' : 'text'}" hint="${claim == 'locale' or claim == 'zoneinfo' ? 'admin.hint.'.concat(claim) : ''}"/>
      <c:if test="${claim == 'email' or claim == 'phone_number'}"><console:flag name="${claim}_verified"/></c:if>
    </c:forEach>
  </fieldset>
  <fieldset class="field">
    <legend><fmt:message key="admin.user.address"/></legend>
    <c:forEach var="member" items="${addressFields}"><console:text name="${member}"/></c:forEach>
  </fieldset>
  <div class="actions">
    <button type="submit" id="save"><fmt:message key="${creating ? 'admin.user.create' : 'admin.save'}"/></button>
    <a class="button secondary" id="cancel" href="<c:out value='${pageContext.request.contextPath}${cancelPath}'/>"><fmt:message key="admin.cancel"/></a>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
