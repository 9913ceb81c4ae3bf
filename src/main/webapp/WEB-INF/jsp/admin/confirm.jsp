<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><c:set var="titleKey" value="${confirmKey}.heading"/><c:set var="titleArg" value="${confirmSubject}"/><%@ include file="layout-top.jspf" %>
<h1><fmt:message key="${confirmKey}.heading"><fmt:param><c:out value="${confirmSubject}"/></fmt:param></fmt:message></h1>
<p class="warning" id="confirm-explain"><fmt:message key="${confirmKey}.explain"/></p>
<form method="post" action="<c:out value='${pageContext.request.contextPath}${confirmAction}'/>">
  <input type="hidden" name="csrf" value="<c:out value='${csrf[confirmAction]}'/>">
  <div class="actions">
    <button type="submit" class="danger" id="confirm" aria-describedby="confirm-explain"><fmt:message key="${confirmKey}.confirm"/></button>
    <a class="button secondary" id="cancel" href="<c:out value='${pageContext.request.contextPath}${confirmBack}'/>"><fmt:message key="admin.cancel"/></a>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
