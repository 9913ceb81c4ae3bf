<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><fmt:message var="pageTitle" key="loggedOut.title"/><%@ include file="layout-top.jspf" %>
<h1 id="signed-out"><fmt:message key="loggedOut.heading"/></h1>
<p><fmt:message key="loggedOut.explain"><fmt:param value="${brand.name}"/></fmt:message></p>
<%@ include file="layout-bottom.jspf" %>
