<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="name" required="true" %>
<%@ attribute name="type" %>
<%@ attribute name="required" type="java.lang.Boolean" %>
<%@ attribute name="hint" %>
<%@ attribute name="autocomplete" %>
<%@ attribute name="readonly" type="java.lang.Boolean" %>
<%@ attribute name="autofocus" type="java.lang.Boolean" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<%-- One labelled input: its hint and its errors are tied to it with aria-describedby, and its value is kept. --%>
<c:set var="errors" value="${requestScope.fieldErrors[name]}"/>
<div class="field<c:if test='${not empty errors}'> field-invalid</c:if>">
  <label for="<c:out value='f-${name}'/>"><fmt:message key="admin.field.${name}"/><c:if test="${required}"> <span class="required"><fmt:message key="admin.required"/></span></c:if></label>
  <c:if test="${not empty hint}"><p class="hint" id="<c:out value='f-${name}-hint'/>"><fmt:message key="${hint}"/></p></c:if>
  <c:forEach var="reason" items="${errors}"><p class="field-error" id="<c:out value='f-${name}-error'/>"><c:out value="${reason}"/></p></c:forEach>
  <input id="<c:out value='f-${name}'/>" name="<c:out value='${name}'/>" type="<c:out value="${empty type ? 'text' : type}"/>" value="<c:out value='${requestScope.values[name]}'/>"<c:if test="${required}"> required</c:if><c:if test="${readonly}"> readonly</c:if><c:if test="${autofocus or (not empty errors and requestScope.firstInvalid == name)}"> autofocus</c:if><c:if test="${not empty autocomplete}"> autocomplete="<c:out value='${autocomplete}'/>"</c:if><c:if test="${not empty errors}"> aria-invalid="true"</c:if><c:if test="${not empty hint or not empty errors}"> aria-describedby="<c:if test='${not empty hint}'><c:out value='f-${name}-hint '/></c:if><c:if test='${not empty errors}'><c:out value='f-${name}-error'/></c:if>"</c:if>>
</div>
