<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="index.title"/><%@ include file="layout-top.jspf" %>
<h1>Gatehouse</h1>
<p>An OAuth 2.1 authorization server. Issuer: <code><c:out value="${issuer}"/></code></p>
<ul>
  <li><a href="<c:url value='/.well-known/oauth-authorization-server'/>">Authorization server metadata (RFC 8414)</a></li>
</ul>
<c:if test="${not empty demoClientId}">
  <h2>Try the flow</h2>
  <p>This server runs on its embedded database, with a demo client and a demo user.</p>
  <ol>
    <li><a id="demo-start" href="<c:url value='/demo/start'/>">Start the demo</a>: your browser goes to the
      authorization endpoint as the client <code><c:out value="${demoClientId}"/></code> would send it (with PKCE).</li>
    <li>Sign in as <code><c:out value="${demoUsername}"/></code> with the password printed in the server's log at its
      first start (kept in <code>demo-credentials.properties</code> in the data folder).</li>
    <li>Allow the request; the demo callback exchanges the code and shows the token response.</li>
  </ol>
</c:if>
<%@ include file="layout-bottom.jspf" %>
