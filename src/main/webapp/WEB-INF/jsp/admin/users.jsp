<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="admin.users"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="admin.users"/></h1>
<div class="toolbar">
  <form method="get" action="<c:url value='/admin/users'/>" role="search">
    <div>
      <label for="q"><fmt:message key="admin.users.search"/></label>
      <input type="search" id="q" name="q" maxlength="254" value="<c:out value='${q}'/>">
    </div>
    <button type="submit" id="search"><fmt:message key="admin.users.searchButton"/></button>
  </form>
  <a class="button" id="new-user" href="<c:url value='/admin/users/new'/>"><fmt:message key="admin.user.new"/></a>
</div>
<c:choose>
  <c:when test="${empty users}"><p id="no-users"><fmt:message key="admin.users.empty"/></p></c:when>
  <c:otherwise>
    <table id="users">
      <caption><fmt:message key="admin.users.caption"><fmt:param><c:out value="${total}"/></fmt:param></fmt:message></caption>
      <thead>
        <tr>
          <th scope="col"><fmt:message key="admin.field.username"/></th>
          <th scope="col"><fmt:message key="admin.field.name"/></th>
          <th scope="col"><fmt:message key="admin.field.email"/></th>
          <th scope="col"><fmt:message key="admin.field.roles"/></th>
          <th scope="col"><fmt:message key="admin.user.status"/></th>
        </tr>
      </thead>
      <tbody>
        <c:forEach var="user" items="${users}">
          <tr>
            <th scope="row"><a href="<c:url value='/admin/users/show'><c:param name='id' value='${user.subject()}'/></c:url>"><c:out value="${user.username()}"/></a></th>
            <td><c:out value="${user.profile().name()}"/></td>
            <td><c:out value="${user.profile().email()}"/></td>
            <td><c:forEach var="role" items="${user.roles().stream().sorted().toList()}" varStatus="s"><code><c:out value="${role}"/></code><c:if test="${not s.last}"> </c:if></c:forEach></td>
            <td><c:choose><c:when test="${user.disabled()}"><span class="status-disabled"><fmt:message key="admin.user.disabled.status"/></span></c:when><c:otherwise><fmt:message key="admin.user.active"/></c:otherwise></c:choose></td>
          </tr>
        </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<%@ include file="pager.jspf" %>
<%@ include file="layout-bottom.jspf" %>
