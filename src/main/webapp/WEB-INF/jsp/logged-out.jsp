<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><c:set var="pageTitle" value="Signed out"/><%@ include file="layout-top.jspf" %>
<h1 id="signed-out">You are signed out</h1>
<p>Your Gatehouse session has ended. You may close this window.</p>
<%@ include file="layout-bottom.jspf" %>
