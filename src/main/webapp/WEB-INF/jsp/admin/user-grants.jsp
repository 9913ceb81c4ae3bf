<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><%@ taglib prefix="console" tagdir="/WEB-INF/tags/console" %><c:set var="titleKey" value="admin.tab.user-grants"/><%@ include file="layout-top.jspf" %>
<%@ include file="user-tabs.jspf" %>
<h2><fmt:message key="admin.tab.user-grants"/></h2>
<p class="hint"><fmt:message key="admin.grants.explain"/></p>
<c:choose>
  <c:when test="${empty items}"><p id="no-grants"><fmt:message key="admin.grants.empty"/></p></c:when>
  <c:otherwise>
    <table id="grants">
      <caption><fmt:message key="admin.grants.caption"><fmt:param><c:out value="${total}"/></fmt:param></fmt:message></caption>
      <thead>
        <tr>
          <th scope="col"><fmt:message key="admin.field.client_id"/></th>
          <th scope="col"><fmt:message key="admin.field.scope"/></th>
          <th scope="col"><fmt:message key="admin.grants.created"/></th>
          <th scope="col"><fmt:message key="admin.sessions.expires"/></th>
          <th scope="col"><fmt:message key="admin.actions"/></th>
        </tr>
      </thead>
      <tbody>
        <c:forEach var="grant" items="${items}">
          <tr>
            <th scope="row"><code><c:out value="${grant.clientId()}"/></code></th>
            <td><c:forEach var="scope" items="${grant.scopes().stream().sorted().toList()}" varStatus="st"><code><c:out value="${scope}"/></code><c:if test="${not st.last}"> </c:if></c:forEach></td>
            <td><console:time value="${grant.createdAt()}"/></td>
            <td><console:time value="${grant.expiresAt()}"/></td>
            <td>
              <form class="inline" method="post" action="<c:url value='/admin/users/grants'><c:param name='id' value='${user.subject()}'/></c:url>">
                <input type="hidden" name="csrf" value="<c:out value='${csrf["/admin/users/grants"]}'/>">
                <input type="hidden" name="grant" value="<c:out value='${grant.grantId()}'/>">
                <button type="submit" class="secondary" aria-label="<fmt:message key='admin.grants.revokeOne'><fmt:param><c:out value='${grant.clientId()}'/></fmt:param></fmt:message>"><fmt:message key="admin.grants.revoke"/></button>
              </form>
            </td>
          </tr>
        </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<%@ include file="pager.jspf" %>
<%@ include file="layout-bottom.jspf" %>
