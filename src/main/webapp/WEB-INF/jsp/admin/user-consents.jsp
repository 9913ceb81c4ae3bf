<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><%@ taglib prefix="console" tagdir="/WEB-INF/tags/console" %><c:set var="titleKey" value="admin.tab.user-consents"/><%@ include file="layout-top.jspf" %>
<%@ include file="user-tabs.jspf" %>
<h2><fmt:message key="admin.tab.user-consents"/></h2>
<p class="hint"><fmt:message key="admin.consents.explain"/></p>
<c:choose>
  <c:when test="${empty items}"><p id="no-consents"><fmt:message key="admin.consents.empty"/></p></c:when>
  <c:otherwise>
    <table id="consents">
      <caption><fmt:message key="admin.consents.caption"><fmt:param><c:out value="${total}"/></fmt:param></fmt:message></caption>
      <thead>
        <tr>
          <th scope="col"><fmt:message key="admin.field.client_id"/></th>
          <th scope="col"><fmt:message key="admin.field.scope"/></th>
          <th scope="col"><fmt:message key="admin.consents.granted"/></th>
          <th scope="col"><fmt:message key="admin.actions"/></th>
        </tr>
      </thead>
      <tbody>
        <c:forEach var="consent" items="${items}">
          <tr>
            <th scope="row"><code><c:out value="${consent.clientId()}"/></code></th>
            <td><c:forEach var="scope" items="${consent.scopes().stream().sorted().toList()}" varStatus="st"><code><c:out value="${scope}"/></code><c:if test="${not st.last}"> </c:if></c:forEach></td>
            <td><console:time value="${consent.grantedAt()}"/></td>
            <td>
              <form class="inline" method="post" action="<c:url value='/admin/users/consents'><c:param name='id' value='${user.subject()}'/></c:url>">
                <input type="hidden" name="csrf" value="<c:out value='${csrf["/admin/users/consents"]}'/>">
                <input type="hidden" name="client" value="<c:out value='${consent.clientId()}'/>">
                <button type="submit" class="secondary" aria-label="<fmt:message key='admin.consents.revokeOne'><fmt:param><c:out value='${consent.clientId()}'/></fmt:param></fmt:message>"><fmt:message key="admin.consents.revoke"/></button>
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
