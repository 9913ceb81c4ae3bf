<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><fmt:message var="pageTitle" key="admin.notFound.title"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="admin.notFound.title"/></h1>
<p><fmt:message key="admin.notFound.explain"/></p>
<%@ include file="layout-bottom.jspf" %>
