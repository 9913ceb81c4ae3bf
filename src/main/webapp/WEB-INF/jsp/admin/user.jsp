<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><%@ taglib prefix="console" tagdir="/WEB-INF/tags/console" %><c:set var="titleKey" value="admin.user.heading"/><c:set var="titleArg" value="${user.username()}"/><%@ include file="layout-top.jspf" %>
<%@ include file="user-tabs.jspf" %>
<c:set var="profile" value="${user.profile()}"/>
<dl class="details" id="user-details">
  <dt><fmt:message key="admin.field.username"/></dt><dd id="user-username"><c:out value="${user.username()}"/></dd>
  <dt><fmt:message key="admin.user.subject"/></dt><dd><code id="user-subject"><c:out value="${user.subject()}"/></code></dd>
  <dt><fmt:message key="admin.user.status"/></dt><dd id="user-status"><c:choose><c:when test="${user.disabled()}"><span class="status-disabled"><fmt:message key="admin.user.disabled.status"/></span></c:when><c:otherwise><fmt:message key="admin.user.active"/></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.user.source"/></dt><dd><code><c:out value="${user.source()}"/></code></dd>
  <dt><fmt:message key="admin.field.roles"/></dt><dd id="user-roles"><c:choose><c:when test="${empty user.roles()}"><fmt:message key="admin.none"/></c:when><c:otherwise><c:forEach var="role" items="${user.roles().stream().sorted().toList()}" varStatus="s"><code><c:out value="${role}"/></code><c:if test="${not s.last}"> </c:if></c:forEach></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.field.name"/></dt><dd><c:out value="${profile.name()}"/></dd>
  <dt><fmt:message key="admin.field.given_name"/></dt><dd><c:out value="${profile.givenName()}"/></dd>
  <dt><fmt:message key="admin.field.family_name"/></dt><dd><c:out value="${profile.familyName()}"/></dd>
  <dt><fmt:message key="admin.field.email"/></dt><dd><c:out value="${profile.email()}"/><c:if test="${profile.emailVerified()}"> (<fmt:message key="admin.user.verified"/>)</c:if></dd>
  <dt><fmt:message key="admin.field.phone_number"/></dt><dd><c:out value="${profile.phoneNumber()}"/><c:if test="${profile.phoneNumberVerified()}"> (<fmt:message key="admin.user.verified"/>)</c:if></dd>
  <dt><fmt:message key="admin.field.locale"/></dt><dd><c:out value="${profile.locale()}"/></dd>
  <dt><fmt:message key="admin.field.zoneinfo"/></dt><dd><c:out value="${profile.zoneinfo()}"/></dd>
  <dt><fmt:message key="admin.user.address"/></dt><dd><c:forEach var="member" items="${profile.address()}" varStatus="s"><fmt:message key="admin.field.address.${member.key}"/>: <c:out value="${member.value}"/><c:if test="${not s.last}"><br></c:if></c:forEach></dd>
  <dt><fmt:message key="admin.user.createdAt"/></dt><dd><console:time value="${user.createdAt()}"/></dd>
  <dt><fmt:message key="admin.user.updatedAt"/></dt><dd><console:time value="${user.updatedAt()}"/></dd>
</dl>
    <div class="actions">
      <c:if test="${user.editable()}">
      <a class="button" id="edit-user" href="<c:url value='/admin/users/edit'><c:param name='id' value='${user.subject()}'/></c:url>"><fmt:message key="admin.edit"/></a>
      <a class="button secondary" id="set-password" href="<c:url value='/admin/users/password'><c:param name='id' value='${user.subject()}'/></c:url>"><fmt:message key="admin.user.setPassword"/></a>
      </c:if>
      <c:choose>
        <c:when test="${user.disabled()}">
          <form class="inline" method="post" action="<c:url value='/admin/users/enable'><c:param name='id' value='${user.subject()}'/></c:url>">
            <input type="hidden" name="csrf" value="<c:out value='${csrf["/admin/users/enable"]}'/>">
            <button type="submit" class="secondary" id="enable-user"><fmt:message key="admin.user.enable"/></button>
          </form>
        </c:when>
        <c:otherwise><a class="button secondary" id="disable-user" href="<c:url value='/admin/users/disable'><c:param name='id' value='${user.subject()}'/></c:url>"><fmt:message key="admin.user.disable.confirm"/></a></c:otherwise>
      </c:choose>
    </div>
  <c:if test="${not user.editable()}"><p class="muted" id="read-only"><fmt:message key="admin.user.readOnly"><fmt:param><c:out value="${user.source()}"/></fmt:param></fmt:message></p></c:if>
<p><a href="<c:url value='/admin/users'/>"><fmt:message key="admin.user.back"/></a></p>
<%@ include file="layout-bottom.jspf" %>
