<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %><fmt:message var="pageTitle" key="${confirmKey}.heading"><fmt:param value="${confirmSubject}"/></fmt:message><%@ include file="layout-top.jspf" %>
<h1><c:out value="${pageTitle}"/></h1>
<p class="warning" id="confirm-explain"><fmt:message key="${confirmKey}.explain"/></p>
<form method="post" action="${pageContext.request.contextPath}<c:out value='${confirmAction}'/>">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <div class="actions">
    <button type="submit" class="danger" id="confirm" aria-describedby="confirm-explain"><fmt:message key="${confirmKey}.confirm"/></button>
    <a class="button secondary" id="cancel" href="${pageContext.request.contextPath}<c:out value='${confirmBack}'/>"><fmt:message key="admin.cancel"/></a>
  </div>
</form>
<%@ include file="layout-bottom.jspf" %>
