<#-- Shared page frame. Every string that is not already HTML goes through ?html. -->
<#assign site = data.get("site.yaml")>
<#function ui lang key>
  <#local l = (lang == "zh")?then("zh", "en")>
  <#return site.ui[l][key]>
</#function>
<#function htmlLang view>
  <#if view == "zh"><#return "zh-Hans"><#else><#return "en"></#if>
</#function>
<#macro frame title summary view topic root>
<#local lang = (view == "zh")?then("zh", "en")>
<#local isTopic = topic != "index" && topic != "404">
<!DOCTYPE html>
<html lang="${htmlLang(view)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#-- Nothing may load from another origin and no inline script may run; file: is listed because
     Chromium gives file:// pages an opaque origin that 'self' does not match. -->
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src 'self' file: data:; font-src 'self' file:; connect-src 'self'; base-uri 'none'; form-action 'none'">
<title>${title?html}<#if topic != "index"> · ${ui(lang, "site.title")?html}</#if></title>
<#if summary?has_content><meta name="description" content="${summary?html}"></#if>
<#if view != "root" && topic != "404">
<link rel="alternate" hreflang="zh-Hans" href="<#if site.baseUrl?has_content>${site.baseUrl}<#else>${root}</#if>zh/${topic}.html">
<link rel="alternate" hreflang="en" href="<#if site.baseUrl?has_content>${site.baseUrl}<#else>${root}</#if>en/${topic}.html">
<link rel="alternate" hreflang="x-default" href="<#if site.baseUrl?has_content>${site.baseUrl}<#else>${root}</#if>bilingual/${topic}.html">
<#if site.baseUrl?has_content><link rel="canonical" href="${site.baseUrl}${view}/${topic}.html"></#if>
</#if>
<link rel="stylesheet" href="${root}css/site.css">
<script src="${root}js/theme.js"></script>
</head>
<body class="view-${view}<#if isTopic> page-topic</#if>">
<a class="skip" href="#main">${ui(lang, "nav.skip")?html}</a>
<header class="site-header">
  <a class="brand" href="${root}<#if view == "root" || view == "bilingual">index.html<#else>${view}/index.html</#if>">${ui(lang, "site.title")?html}</a>
  <#if topic != "404">
  <nav class="lang-switch" aria-label="${ui(lang, "lang.switch")?html}">
    <#list ["zh", "en", "bilingual"] as v>
      <#if v == view><span aria-current="page" lang="${htmlLang(v)}">${ui(lang, "lang." + v)?html}</span><#else><a href="${root}${v}/${(topic == "index")?then("index", topic)}.html" hreflang="${(v == "bilingual")?then("mul", htmlLang(v))}" lang="${htmlLang(v)}">${ui((v == "zh")?then("zh", "en"), "lang." + v)?html}</a></#if>
    </#list>
  </nav>
  </#if>
  <div class="search" role="search">
    <label for="search-input" class="visually-hidden">${ui(lang, "search.label")?html}</label>
    <input id="search-input" type="search" placeholder="${ui(lang, "search.placeholder")?html}" autocomplete="off" data-lang="${lang}" data-empty="${ui(lang, "search.noResults")?html}">
    <ol id="search-results" aria-live="polite"></ol>
  </div>
  <button type="button" class="theme-toggle" id="theme-toggle" aria-label="${ui(lang, "theme.toggle")?html}" title="${ui(lang, "theme.toggle")?html}">◐</button>
</header>
<div class="layout">
<nav class="topics" aria-label="${ui(lang, "nav.topics")?html}">
  <h2>${ui(lang, "nav.topics")?html}</h2>
  <ol>
  <#list site.topics as t>
    <#local navView = (view == "root")?then("bilingual", view)>
    <li<#if t.key == topic> class="current"</#if>><a href="${root}${navView}/${t.key}.html"<#if t.key == topic> aria-current="page"</#if>><#if navView == "bilingual">${t.zh.title?html}<br><span lang="en">${t.en.title?html}</span><#else>${t[navView].title?html}</#if></a></li>
  </#list>
  </ol>
</nav>
<main id="main">
<#nested>
</main>
</div>
<footer class="site-footer">
  <p>${ui(lang, "footer.source")?html} <a href="${site.originalPost}" rel="noopener">${site.originalPost}</a></p>
  <#if site.environment?has_content><p>${ui(lang, "footer.verifiedOn")?html} ${site.environment?html}</p></#if>
  <p>${ui(lang, "footer.licence")?html}</p>
</footer>
<script src="${root}vendor/highlight/highlight.min.js"></script>
<script src="${root}js/site.js"></script>
<script src="${root}js/search.js"></script>
</body>
</html>
</#macro>
