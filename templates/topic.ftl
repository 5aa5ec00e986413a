<#include "layout.ftl">
<#assign view = content.view>
<#assign lang = (view == "zh")?then("zh", "en")>
<#assign t = site.byKey[content.topic]>
<@frame title=content.title summary=content.summary view=view topic=content.topic root=content.rootpath>
<article class="topic">
  <header class="topic-header">
  <#if view == "bilingual">
    <h1><span lang="zh-Hans">${t.zh.title?html}</span> <span class="sep">·</span> <span lang="en">${t.en.title?html}</span></h1>
  <#else>
    <h1>${content.title?html}</h1>
    <#if content.summary?has_content><p class="summary">${content.summary?html}</p></#if>
  </#if>
  </header>
  <#if view != "bilingual" && t[view].toc?size gt 1>
  <nav class="toc" aria-label="${ui(lang, "nav.contents")?html}">
    <h2>${ui(lang, "nav.contents")?html}</h2>
    <ol>
    <#list t[view].toc as e><li class="toc-l${e.level}"><a href="#${e.id}">${e.html}</a></li></#list>
    </ol>
  </nav>
  </#if>
  <div class="topic-body">
${content.body}
  </div>
  <nav class="prev-next" aria-label="${ui(lang, "nav.pager")?html}">
  <#list site.topics as x>
    <#if x.key == content.topic>
      <#if (x?index > 0)><#assign p = site.topics[x?index - 1]><a class="prev" rel="prev" href="${p.key}.html">← <#if view == "bilingual">${p.zh.title?html} · ${p.en.title?html}<#else>${p[view].title?html}</#if></a></#if>
      <#if x?has_next><#assign n = site.topics[x?index + 1]><a class="next" rel="next" href="${n.key}.html"><#if view == "bilingual">${n.zh.title?html} · ${n.en.title?html}<#else>${n[view].title?html}</#if> →</a></#if>
    </#if>
  </#list>
  </nav>
  <#if view != "bilingual"><p class="page-source">${ui(lang, "page.source")?html} <code>${t[view].source?html}</code></p></#if>
</article>
</@frame>
