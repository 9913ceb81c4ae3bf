<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><%@ taglib prefix="console" tagdir="/WEB-INF/tags/console" %><c:set var="titleKey" value="admin.tab.user-sessions"/><%@ include file="layout-top.jspf" %>
<%@ include file="user-tabs.jspf" %>
<h2><fmt:message key="admin.tab.user-sessions"/></h2>
<c:choose>
  <c:when test="${empty items}"><p id="no-sessions"><fmt:message key="admin.sessions.empty"/></p></c:when>
  <c:otherwise>
    <p><a class="button secondary" id="end-all-sessions" href="<c:url value='/admin/users/end-sessions'><c:param name='id' value='${user.subject()}'/></c:url>"><fmt:message key="admin.user.endSessions.confirm"/></a></p>
    <table id="sessions">
      <caption><fmt:message key="admin.sessions.caption"><fmt:param><c:out value="${total}"/></fmt:param></fmt:message></caption>
      <thead>
        <tr>
          <th scope="col"><fmt:message key="admin.sessions.started"/></th>
          <th scope="col"><fmt:message key="admin.sessions.signedIn"/></th>
          <th scope="col"><fmt:message key="admin.sessions.lastSeen"/></th>
          <th scope="col"><fmt:message key="admin.sessions.expires"/></th>
          <th scope="col"><fmt:message key="admin.sessions.clients"/></th>
          <th scope="col"><fmt:message key="admin.actions"/></th>
        </tr>
      </thead>
      <tbody>
        <c:forEach var="item" items="${items}">
          <c:set var="s" value="${item.session()}"/>
          <tr id="<c:out value='session-${s.sid()}'/>">
            <td><console:time value="${s.createdAt()}"/></td>
            <td><console:time value="${s.authTime()}"/></td>
            <td><console:time value="${s.lastSeenAt()}"/></td>
            <td><console:time value="${s.expiresAt()}"/></td>
            <td><c:choose><c:when test="${empty item.clients()}"><fmt:message key="admin.none"/></c:when><c:otherwise><c:forEach var="client" items="${item.clients()}" varStatus="st"><code><c:out value="${client}"/></code><c:if test="${not st.last}">, </c:if></c:forEach></c:otherwise></c:choose></td>
            <td>
              <form class="inline" method="post" action="<c:url value='/admin/users/sessions'><c:param name='id' value='${user.subject()}'/></c:url>">
                <input type="hidden" name="csrf" value="<c:out value='${csrf["/admin/users/sessions"]}'/>">
                <input type="hidden" name="sid" value="<c:out value='${s.sid()}'/>">
                <button type="submit" class="secondary" aria-label="<fmt:message key='admin.sessions.endOne'><fmt:param><c:out value='${s.createdAt()}'/></fmt:param></fmt:message>"><fmt:message key="admin.sessions.end"/></button>
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
