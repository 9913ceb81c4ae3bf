<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="demo.title"/><%@ include file="layout-top.jspf" %>
<h1>Demo callback</h1>
<c:if test="${not empty problem}"><p class="alert" role="alert"><c:out value="${problem}"/></p></c:if>
<c:if test="${not empty error}">
  <p class="alert" role="alert">The authorization server answered <code id="callback-error"><c:out value="${error}"/></code>:
    <c:out value="${errorDescription}"/></p>
</c:if>
<c:if test="${not empty tokenResponse}">
  <p>The code was exchanged at the token endpoint (HTTP <span id="token-status"><c:out value="${tokenStatus}"/></span>):</p>
  <pre id="token-response"><c:out value="${tokenResponse}"/></pre>
</c:if>
<p><a href="<c:url value='/demo/start'/>">Run it again</a> · <a href="<c:url value='/'/>">Home</a></p>
<%@ include file="layout-bottom.jspf" %>
