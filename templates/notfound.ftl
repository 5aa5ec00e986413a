<#include "layout.ftl">
<@frame title=content.title summary="" view="root" topic="404" root=content.rootpath>
<article class="notfound">
  <h1>404</h1>
  <p lang="zh-Hans">${ui("zh", "notfound.text")?html} <a href="${content.rootpath}zh/index.html">${ui("zh", "home.read")?html}</a></p>
  <p lang="en">${ui("en", "notfound.text")?html} <a href="${content.rootpath}en/index.html">${ui("en", "home.read")?html}</a></p>
</article>
</@frame>
