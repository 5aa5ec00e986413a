<#include "layout.ftl">
<#assign view = content.view>
<@frame title=content.title summary=content.summary view=view topic="index" root=content.rootpath>
<article class="home">
<#if view == "zh" || view == "en">
  <h1>${ui(view, "site.title")?html}</h1>
  <p class="summary">${ui(view, "site.tagline")?html}</p>
  <p>${ui(view, "home.intro")?html}</p>
  <ol class="topic-list">
  <#list site.topics as t>
    <li><a href="${t.key}.html">${t[view].title?html}</a><#if t[view].summary?has_content> — <span class="topic-summary">${t[view].summary?html}</span></#if></li>
  </#list>
  </ol>
<#else>
  <h1>${ui("en", "site.title")?html}</h1>
  <div class="pair-row home-intro">
    <div class="col" lang="zh-Hans"><p class="summary">${ui("zh", "site.tagline")?html}</p><p>${ui("zh", "home.intro")?html}</p><p><a href="${content.rootpath}zh/index.html">${ui("zh", "home.read")?html}</a></p></div>
    <div class="col" lang="en"><p class="summary">${ui("en", "site.tagline")?html}</p><p>${ui("en", "home.intro")?html}</p><p><a href="${content.rootpath}en/index.html">${ui("en", "home.read")?html}</a></p></div>
  </div>
  <ol class="topic-list">
  <#list site.topics as t>
    <li><a href="${content.rootpath}bilingual/${t.key}.html"><span lang="zh-Hans">${t.zh.title?html}</span> · <span lang="en">${t.en.title?html}</span></a></li>
  </#list>
  </ol>
</#if>
</article>
</@frame>
