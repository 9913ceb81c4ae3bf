<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="admin.client.heading"/><c:set var="titleArg" value="${client.clientId()}"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="admin.client.heading"><fmt:param><c:out value="${client.clientId()}"/></fmt:param></fmt:message></h1>
<c:if test="${not empty secret}">
  <section class="warning" id="secret-box" aria-labelledby="secret-heading">
    <h2 id="secret-heading"><fmt:message key="admin.secret.heading"/></h2>
    <p id="secret-warning"><fmt:message key="admin.secret.warning"/></p>
    <label for="new-secret"><fmt:message key="admin.secret.label"/></label>
    <input type="text" id="new-secret" class="secret" readonly autofocus spellcheck="false" autocomplete="off" value="<c:out value='${secret}'/>" aria-describedby="secret-warning">
  </section>
</c:if>
<c:set var="oidc" value="${client.oidc()}"/>
<dl class="details" id="client-details">
  <dt><fmt:message key="admin.field.client_id"/></dt><dd><code id="client-id"><c:out value="${client.clientId()}"/></code></dd>
  <dt><fmt:message key="admin.field.client_name"/></dt><dd><c:out value="${client.clientName()}"/></dd>
  <dt><fmt:message key="admin.client.type"/></dt><dd><fmt:message key="${client.isPublic() ? 'admin.client.public' : 'admin.client.confidential'}"/></dd>
  <dt><fmt:message key="admin.field.token_endpoint_auth_method"/></dt><dd><code><c:out value="${client.authMethod().value()}"/></code></dd>
  <dt><fmt:message key="admin.field.redirect_uris"/></dt><dd><c:choose><c:when test="${empty client.redirectUris()}"><fmt:message key="admin.none"/></c:when><c:otherwise><ul><c:forEach var="uri" items="${client.redirectUris()}"><li><code><c:out value="${uri}"/></code></li></c:forEach></ul></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.field.grant_types"/></dt><dd><c:forEach var="grant" items="${client.grantTypes().stream().sorted().toList()}" varStatus="s"><code><c:out value="${grant.value()}"/></code><c:if test="${not s.last}">, </c:if></c:forEach></dd>
  <dt><fmt:message key="admin.field.scope"/></dt><dd><c:choose><c:when test="${empty client.scopes()}"><fmt:message key="admin.none"/></c:when><c:otherwise><c:forEach var="scope" items="${client.scopes().stream().sorted().toList()}" varStatus="s"><code><c:out value="${scope}"/></code><c:if test="${not s.last}"> </c:if></c:forEach></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.field.rotate_refresh_tokens"/></dt><dd><fmt:message key="${client.rotatesRefreshTokens() ? 'admin.yes' : 'admin.no'}"/></dd>
  <dt><fmt:message key="admin.field.resource_server"/></dt><dd><fmt:message key="${client.resourceServer() ? 'admin.yes' : 'admin.no'}"/></dd>
  <dt><fmt:message key="admin.field.id_token_signed_response_alg"/></dt><dd><code><c:out value="${oidc.idTokenSignedResponseAlg()}"/></code></dd>
  <dt><fmt:message key="admin.field.access_token_format"/></dt><dd><code><c:out value="${oidc.accessTokenFormat().value()}"/></code></dd>
  <dt><fmt:message key="admin.field.post_logout_redirect_uris"/></dt><dd><c:choose><c:when test="${empty oidc.postLogoutRedirectUris()}"><fmt:message key="admin.none"/></c:when><c:otherwise><ul><c:forEach var="uri" items="${oidc.postLogoutRedirectUris()}"><li><code><c:out value="${uri}"/></code></li></c:forEach></ul></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.field.backchannel_logout_uri"/></dt><dd><c:choose><c:when test="${oidc.backchannelLogoutUri().isPresent()}"><code><c:out value="${oidc.backchannelLogoutUri().get()}"/></code></c:when><c:otherwise><fmt:message key="admin.none"/></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.field.allowed_resources"/></dt><dd><c:choose><c:when test="${empty client.allowedResources()}"><fmt:message key="admin.none"/></c:when><c:otherwise><ul><c:forEach var="resource" items="${client.allowedResources().stream().sorted().toList()}"><li><code><c:out value="${resource}"/></code></li></c:forEach></ul></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.field.allowed_roles"/></dt><dd><c:choose><c:when test="${empty client.accessPolicy().roles()}"><fmt:message key="admin.none"/></c:when><c:otherwise><ul id="allowed-roles"><c:forEach var="role" items="${client.accessPolicy().roles().stream().sorted().toList()}"><li><code><c:out value="${role}"/></code></li></c:forEach></ul></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.field.allowed_groups"/></dt><dd><c:choose><c:when test="${empty client.accessPolicy().groups()}"><fmt:message key="admin.none"/></c:when><c:otherwise><ul id="allowed-groups"><c:forEach var="group" items="${client.accessPolicy().groups().stream().sorted().toList()}"><li><c:out value="${group}"/></li></c:forEach></ul></c:otherwise></c:choose></dd>
  <dt><fmt:message key="admin.field.first_party"/></dt><dd id="first-party"><fmt:message key="${client.firstParty() ? 'admin.yes' : 'admin.no'}"/></dd>
  <dt><fmt:message key="admin.field.groups_claim_name"/></dt><dd><code><c:out value="${client.claimNames().groups()}"/></code></dd>
  <dt><fmt:message key="admin.field.roles_claim_name"/></dt><dd><code><c:out value="${client.claimNames().roles()}"/></code></dd>
  <dt><fmt:message key="admin.client.registeredBy"/></dt><dd><fmt:message key="${client.dynamicallyRegistered() ? 'admin.client.registeredBy.itself' : 'admin.client.registeredBy.operator'}"/></dd>
</dl>
<div class="actions">
  <a class="button" id="edit-client" href="<c:url value='/admin/clients/edit'><c:param name='id' value='${client.clientId()}'/></c:url>"><fmt:message key="admin.edit"/></a>
  <c:if test="${not client.isPublic()}"><a class="button secondary" id="rotate-secret" href="<c:url value='/admin/clients/rotate-secret'><c:param name='id' value='${client.clientId()}'/></c:url>"><fmt:message key="admin.client.rotate.confirm"/></a></c:if>
  <a class="button secondary" id="delete-client" href="<c:url value='/admin/clients/delete'><c:param name='id' value='${client.clientId()}'/></c:url>"><fmt:message key="admin.client.delete.confirm"/></a>
</div>
<p><a href="<c:url value='/admin/clients'/>"><fmt:message key="admin.client.back"/></a></p>
<%@ include file="layout-bottom.jspf" %>
