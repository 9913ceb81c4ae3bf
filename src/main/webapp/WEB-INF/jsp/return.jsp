<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="return.title"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="return.heading"/></h1>
<p id="return-explain"><fmt:message key="return.explain"><fmt:param><c:out value="${clientName}"/></fmt:param><fmt:param><c:out value="${error}"/></fmt:param></fmt:message> <code id="return-to"><c:out value="${returnTo}"/></code></p>
<p><a class="button" id="return" href="<c:out value='${location}'/>"><fmt:message key="return.continue"><fmt:param><c:out value="${returnTo}"/></fmt:param></fmt:message></a></p>
<%@ include file="layout-bottom.jspf" %>
