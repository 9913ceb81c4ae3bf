<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="admin.refused.title"/><%@ include file="layout-top.jspf" %>
<h1 id="refused"><fmt:message key="admin.refused.title"/></h1>
<p class="alert" role="alert"><fmt:message key="${reasonKey}"/></p>
<ul>
  <li><a href="<c:url value='/admin/sign-in'/>"><fmt:message key="admin.refused.signInAgain"/></a></li>
  <li><a href="<c:url value='/oauth2/logout'/>"><fmt:message key="admin.signOut"/></a></li>
</ul>
<%@ include file="layout-bottom.jspf" %>
