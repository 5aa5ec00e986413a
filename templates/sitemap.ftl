<?xml version="1.0" encoding="UTF-8"?>
<#assign site = data.get("site.yaml")>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<#list site.topics as t>
<#list ["zh", "en", "bilingual"] as v>
  <url>
    <loc>${site.baseUrl}${v}/${t.key}.html</loc>
    <xhtml:link rel="alternate" hreflang="zh-Hans" href="${site.baseUrl}zh/${t.key}.html"/>
    <xhtml:link rel="alternate" hreflang="en" href="${site.baseUrl}en/${t.key}.html"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="${site.baseUrl}bilingual/${t.key}.html"/>
  </url>
</#list>
</#list>
</urlset>
