import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "../../src/bench/html-to-text.js";

const SPHINX = `<!DOCTYPE html><html><head><title>json &#8212; JSON encoder</title>
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body><div class="related" role="navigation"><ul><li><a href="x">previous</a></li></ul></div>
<div class="body" role="main"><section id="json">
<h1>json — JSON encoder<a class="headerlink" href="#json">¶</a></h1>
<p>JSON is a <em>lightweight</em> data
interchange format &amp; more.</p>
<div class="highlight"><pre>&gt;&gt;&gt; import json
&gt;&gt;&gt; json.dumps([1,  2])</pre></div>
<ul><li><p>first item</p></li><li>second<br>line</li></ul>
</section></div>
<div class="sphinxsidebar"><div><p>Sidebar <div>nested</div> text</p></div></div>
<div class="footer">© Copyright</div></body></html>`;

describe("htmlToText", () => {
  it("keeps the content as paragraphs with # headings and drops navigation, scripts and anchors", () => {
    const { title, text } = htmlToText(SPHINX);
    expect(title).toBe("json — JSON encoder");
    expect(text).toBe(
      "# json — JSON encoder\n\nJSON is a lightweight data interchange format & more.\n\n" +
        ">>> import json\n>>> json.dumps([1,  2])\n\nfirst item\n\nsecond\nline\n",
    );
  });

  it("drops DocBook navigation and tables of contents", () => {
    const html = `<body><div class="navheader"><table><tr><th>24.2. Collation</th></tr></table></div>
<div class="sect1"><h2 class="title">24.2. Collation Support</h2><div class="toc"><dl><dt>24.2.1</dt></dl></div>
<p>The collation feature allows specifying the sort order.</p><table><tr><td>a</td><td>b</td></tr></table></div>
<div class="navfooter"><a href="next.html">Next</a></div></body>`;
    expect(htmlToText(html)).toEqual({
      title: "24.2. Collation Support",
      text: "## 24.2. Collation Support\n\nThe collation feature allows specifying the sort order.\n\na b\n",
    });
  });

  it("survives malformed HTML and empty input", () => {
    expect(htmlToText("").text).toBe("");
    expect(htmlToText("<p>unclosed <b>bold").text).toBe("unclosed bold\n");
  });
});

describe("decodeEntities", () => {
  it("decodes named, decimal and hex references and keeps unknown ones", () => {
    expect(decodeEntities("&lt;a&gt; &amp;&#8212;&#x2014;&nbsp;&bogus;")).toBe("<a> &——\u00a0&bogus;".replace("\u00a0", " "));
  });
});
