<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><fmt:message var="pageTitle" key="admin.refused.title"/><%@ include file="layout-top.jspf" %>
<h1 id="refused"><fmt:message key="admin.refused.title"/></h1>
<p class="alert" role="alert"><fmt:message key="${reasonKey}"/></p>
<ul>
  <li><a href="${pageContext.request.contextPath}/admin/sign-in"><fmt:message key="admin.refused.signInAgain"/></a></li>
  <li><a href="${pageContext.request.contextPath}/oauth2/logout"><fmt:message key="admin.signOut"/></a></li>
</ul>
<%@ include file="layout-bottom.jspf" %>
