/// The console's one stylesheet, served as `/app/static/console.css` (the CSP allows styles from the server
/// only). Colours meet WCAG AA (4.5:1 for text); focus is always visible; the layout holds at 768 px wide.
enum ConsoleStyle {
    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
        a{color:#0b57d0}
        a:focus,button:focus,input:focus,select:focus,textarea:focus,main:focus{outline:3px solid #b45309;outline-offset:2px}
        .skip{position:absolute;left:-9999px}
        .skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
        .bar{display:flex;flex-wrap:wrap;align-items:center;gap:12px 24px;padding:8px 16px;background:#1f2937;color:#fff}
        .bar a{color:#fff}
        .brand{font-weight:700;text-decoration:none}
        .bar nav ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0;padding:0}
        .bar form{display:flex;align-items:center;gap:6px;margin:0}
        .bar .who{color:#e5e7eb}
        main{padding:16px;max-width:1280px}
        h1{font-size:1.6rem;margin:.3em 0}
        h2{font-size:1.25rem;margin:1.2em 0 .4em}
        h3{font-size:1.05rem;margin:1em 0 .3em}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;margin:.4em 0 1em;min-width:50%}
        caption{text-align:left;font-weight:600;padding:4px 0}
        th,td{border-bottom:1px solid #d1d5db;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f3f4f6}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
        .counts li a{display:block;border:1px solid #9ca3af;border-radius:6px;padding:6px 10px;text-decoration:none}
        .counts li strong{font-size:1.2rem;margin-right:4px}
        form.action{border:1px solid #d1d5db;border-radius:6px;padding:8px 12px;margin:8px 0;max-width:640px}
        form.inline{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px;margin:8px 0}
        label{font-weight:600;display:block}
        .field{margin:6px 0}
        input,select,textarea{font:inherit;padding:4px 6px;border:1px solid #6b7280;border-radius:4px}
        button{font:inherit;padding:5px 12px;border:1px solid #0b57d0;border-radius:4px;background:#0b57d0;color:#fff;cursor:pointer}
        .bar button{background:#374151;border-color:#9ca3af}
        .error{color:#b3261e;font-weight:600;margin:2px 0}
        .notice{border-left:4px solid #0b57d0;background:#eff6ff;padding:6px 10px}
        .alert{border-left:4px solid #b3261e;background:#fef2f2;padding:6px 10px}
        .ok{color:#166534;font-weight:600}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}
        dl.facts dt{font-weight:600}
        dl.facts dd{margin:0}
        svg text{font:12px system-ui,sans-serif}
        @media (max-width:800px){main{padding:8px}table{font-size:14px}}
        """
}
