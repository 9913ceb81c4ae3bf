<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="loggedOut.title"/><%@ include file="layout-top.jspf" %>
<h1 id="signed-out"><fmt:message key="loggedOut.heading"/></h1>
<p><fmt:message key="loggedOut.explain"><fmt:param><c:out value="${brand.name}"/></fmt:param></fmt:message></p>
<c:if test="${not empty location}">
  <p id="return-explain"><fmt:message key="loggedOut.return"><fmt:param><c:out value="${clientName}"/></fmt:param><fmt:param><c:out value="${returnTo}"/></fmt:param></fmt:message></p>
  <p><a class="button" id="return" href="<c:out value='${location}'/>"><fmt:message key="return.continue"><fmt:param><c:out value="${returnTo}"/></fmt:param></fmt:message></a></p>
</c:if>
<%@ include file="layout-bottom.jspf" %>
