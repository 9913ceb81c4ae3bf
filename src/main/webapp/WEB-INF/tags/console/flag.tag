<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="name" required="true" %>
<%@ attribute name="hint" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<%-- One check box for a yes/no field; its label follows it, so that clicking the label toggles it. --%>
<c:set var="errors" value="${requestScope.fieldErrors[name]}"/>
<div class="field flag<c:if test='${not empty errors}'> field-invalid</c:if>">
  <c:forEach var="reason" items="${errors}"><p class="field-error" id="<c:out value='f-${name}-error'/>"><c:out value="${reason}"/></p></c:forEach>
  <input type="checkbox" id="<c:out value='f-${name}'/>" name="<c:out value='${name}'/>" value="true"<c:if test="${requestScope.checked.contains(name.concat('=true'))}"> checked</c:if><c:if test="${not empty hint or not empty errors}"> aria-describedby="<c:if test='${not empty hint}'><c:out value='f-${name}-hint '/></c:if><c:if test='${not empty errors}'><c:out value='f-${name}-error'/></c:if>"</c:if>>
  <label for="<c:out value='f-${name}'/>"><fmt:message key="admin.field.${name}"/></label>
  <c:if test="${not empty hint}"><p class="hint" id="<c:out value='f-${name}-hint'/>"><fmt:message key="${hint}"/></p></c:if>
</div>
