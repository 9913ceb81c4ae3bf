<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="admin.clients"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="admin.clients"/></h1>
<p><a class="button" id="new-client" href="<c:url value='/admin/clients/new'/>"><fmt:message key="admin.client.new"/></a></p>
<c:choose>
  <c:when test="${empty clients}"><p id="no-clients"><fmt:message key="admin.clients.empty"/></p></c:when>
  <c:otherwise>
    <table id="clients">
      <caption><fmt:message key="admin.clients.caption"><fmt:param><c:out value="${total}"/></fmt:param></fmt:message></caption>
      <thead>
        <tr>
          <th scope="col"><fmt:message key="admin.field.client_id"/></th>
          <th scope="col"><fmt:message key="admin.field.client_name"/></th>
          <th scope="col"><fmt:message key="admin.client.type"/></th>
          <th scope="col"><fmt:message key="admin.field.grant_types"/></th>
        </tr>
      </thead>
      <tbody>
        <c:forEach var="client" items="${clients}">
          <tr>
            <th scope="row"><a href="<c:url value='/admin/clients/show'><c:param name='id' value='${client.clientId()}'/></c:url>"><code><c:out value="${client.clientId()}"/></code></a></th>
            <td><c:out value="${client.clientName()}"/></td>
            <td><fmt:message key="${client.isPublic() ? 'admin.client.public' : 'admin.client.confidential'}"/></td>
            <td><c:forEach var="grant" items="${client.grantTypes().stream().sorted().toList()}" varStatus="s"><code><c:out value="${grant.value()}"/></code><c:if test="${not s.last}">, </c:if></c:forEach></td>
          </tr>
        </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<%@ include file="pager.jspf" %>
<%@ include file="layout-bottom.jspf" %>
