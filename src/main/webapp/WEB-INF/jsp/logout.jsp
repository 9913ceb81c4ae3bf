<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="logout.title"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="logout.heading"/></h1>
<p><fmt:message key="logout.signedInAs"/> <strong><c:out value="${username}"/></strong>. <fmt:message key="logout.explain"><fmt:param><c:out value="${brand.name}"/></fmt:param></fmt:message></p>
<c:if test="${not empty returnTo}"><p class="muted" id="return-to"><fmt:message key="logout.returnTo"><fmt:param><c:out value="${returnTo}"/></fmt:param></fmt:message></p></c:if>
<form method="post" action="<c:url value='/oauth2/logout'/>">
  <input type="hidden" name="csrf" value="<c:out value='${csrf["/oauth2/logout"]}'/>">
  <c:forEach var="entry" items="${carried}">
    <input type="hidden" name="<c:out value='${entry.key}'/>" value="<c:out value='${entry.value}'/>">
  </c:forEach>
  <div class="actions">
    <button type="submit" name="confirm" value="yes" id="sign-out"><fmt:message key="logout.submit"/></button>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
