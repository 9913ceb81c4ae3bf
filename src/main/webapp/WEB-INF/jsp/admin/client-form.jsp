<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><%@ taglib prefix="console" tagdir="/WEB-INF/tags/console" %><c:set var="creating" value="${empty clientId}"/><c:set var="titleKey" value="${creating ? 'admin.client.new' : 'admin.client.edit'}"/><c:set var="titleArg" value="${clientId}"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="${titleKey}"><fmt:param><c:out value="${clientId}"/></fmt:param></fmt:message></h1>
<%@ include file="errors.jspf" %>
<form method="post" action="<c:out value='${pageContext.request.contextPath}${formAction}'/>" id="client-form">
  <input type="hidden" name="csrf" value="<c:out value='${csrf[formAction]}'/>">
  <console:text name="client_id" readonly="${not creating}" autofocus="${creating and empty problems}" hint="${creating ? 'admin.hint.client_id' : 'admin.hint.client_id.fixed'}"/>
  <console:text name="client_name" hint="admin.hint.client_name"/>
  <console:choice name="token_endpoint_auth_method" options="${authMethods}" hint="admin.hint.token_endpoint_auth_method"/>
  <console:textarea name="redirect_uris" hint="admin.hint.redirect_uris"/>
  <console:choice name="grant_types" options="${grants}" multiple="true"/>
  <console:text name="scope" hint="admin.hint.scope"/>
  <console:flag name="rotate_refresh_tokens" hint="admin.hint.rotate_refresh_tokens"/>
  <console:flag name="resource_server" hint="admin.hint.resource_server"/>
  <console:choice name="id_token_signed_response_alg" options="${algorithms}"/>
  <console:choice name="access_token_format" options="${tokenFormats}" hint="admin.hint.access_token_format"/>
  <console:textarea name="post_logout_redirect_uris" hint="admin.hint.post_logout_redirect_uris"/>
  <console:text name="backchannel_logout_uri" type="url" hint="admin.hint.backchannel_logout_uri"/>
  <console:textarea name="allowed_resources" hint="admin.hint.allowed_resources"/>
  <console:textarea name="allowed_roles" hint="admin.hint.allowed_roles"/>
  <console:textarea name="allowed_groups" hint="admin.hint.allowed_groups"/>
  <console:flag name="first_party" hint="admin.hint.first_party"/>
  <console:text name="groups_claim_name" hint="admin.hint.groups_claim_name"/>
  <console:text name="roles_claim_name" hint="admin.hint.roles_claim_name"/>
  <div class="actions">
    <button type="submit" id="save"><fmt:message key="${creating ? 'admin.client.create' : 'admin.save'}"/></button>
    <a class="button secondary" id="cancel" href="<c:out value='${pageContext.request.contextPath}${cancelPath}'/>"><fmt:message key="admin.cancel"/></a>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
