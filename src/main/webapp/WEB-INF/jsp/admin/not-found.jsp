<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="admin.notFound.title"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="admin.notFound.title"/></h1>
<p><fmt:message key="admin.notFound.explain"/></p>
<%@ include file="layout-bottom.jspf" %>
