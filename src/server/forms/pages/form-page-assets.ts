// The client form page's inline style and script (kept small: it is the whole page's code).

export const FORM_PAGE_CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#FAF8F5;color:#1F2421}
main{max-width:600px;margin:0 auto;padding:20px 16px 64px}h1{font-size:24px;margin:4px 0}h2{font-size:18px;margin:28px 0 8px}
.muted{color:#6B716C;font-size:14px;margin:4px 0}.field{margin:18px 0}fieldset{border:0;margin:0;padding:0}legend,label{display:block;font-weight:600;margin:0 0 6px}
input,textarea{width:100%;font:inherit;padding:12px;border:1px solid #E6E2DC;border-radius:8px;background:#fff;min-height:48px}
input:focus-visible,textarea:focus-visible,button:focus-visible,canvas:focus-visible{outline:3px solid #4F7A64;outline-offset:2px}
.check{display:flex;gap:10px;align-items:center;font-weight:400;min-height:44px}.check input{width:24px;height:24px;min-height:0;flex:none}
.scale{display:flex;flex-wrap:wrap;gap:8px}.pill input{position:absolute;opacity:0}.pill span{display:inline-flex;align-items:center;justify-content:center;min-width:48px;min-height:48px;border:1px solid #4F7A64;border-radius:8px;background:#fff;font-weight:600}
.pill input:checked+span{background:#4F7A64;color:#fff}.pill input:focus-visible+span{outline:3px solid #4F7A64;outline-offset:2px}.ends{display:flex;justify-content:space-between}
.consent{background:#fff;border:1px solid #E6E2DC;border-radius:12px;padding:12px;white-space:normal;font-size:15px}
canvas{display:block;width:100%;height:auto;aspect-ratio:3/1;background:#fff;border:1px dashed #6B716C;border-radius:8px;touch-action:none}
.btn{display:block;width:100%;margin:16px 0 8px;padding:14px;min-height:48px;border-radius:8px;border:1px solid #4F7A64;background:#4F7A64;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.btn.secondary{background:#fff;color:#3F6652;margin-top:8px}.req{color:#B4413C}.ferr{color:#B4413C;font-size:14px;margin:4px 0}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.error{background:#fbeceb;border:1px solid #B4413C;color:#7a2420;border-radius:8px;padding:12px;margin:12px 0}
.ok{background:#e9f3ec;border:1px solid #3F7D4E;border-radius:12px;padding:16px;margin:16px 0}`;

export const FORM_PAGE_SCRIPT = `(function(){
var f=document.getElementById("f");if(!f)return;var token=f.getAttribute("data-token");var key="omnicrm-form:"+token.split(".")[0];
var fields=[].slice.call(f.querySelectorAll(".field[data-id]"));
function save(){try{var d={};[].forEach.call(f.elements,function(el){if(!el.name||el.name==="website")return;if(el.type==="radio"||el.type==="checkbox"){if(!d[el.name])d[el.name]=[];if(el.checked)d[el.name].push(el.value)}else d[el.name]=el.value});localStorage.setItem(key,JSON.stringify(d))}catch(e){}}
function restore(){try{var d=JSON.parse(localStorage.getItem(key)||"null");if(!d)return;[].forEach.call(f.elements,function(el){if(!el.name||!(el.name in d))return;var v=d[el.name];if(el.type==="radio"||el.type==="checkbox")el.checked=Array.isArray(v)&&v.indexOf(el.value)>=0;else el.value=v})}catch(e){}}
restore();f.addEventListener("input",save);f.addEventListener("change",save);
var c=document.getElementById("sig"),signed=false;
if(c){var x=c.getContext("2d");x.lineWidth=3;x.lineCap="round";x.strokeStyle="#1F2421";var drawing=false;
function pt(e){var r=c.getBoundingClientRect();return[(e.clientX-r.left)*c.width/r.width,(e.clientY-r.top)*c.height/r.height]}
c.addEventListener("pointerdown",function(e){drawing=true;c.setPointerCapture(e.pointerId);var p=pt(e);x.beginPath();x.moveTo(p[0],p[1])});
c.addEventListener("pointermove",function(e){if(!drawing)return;var p=pt(e);x.lineTo(p[0],p[1]);x.stroke();signed=true});
c.addEventListener("pointerup",function(){drawing=false});c.addEventListener("pointercancel",function(){drawing=false});
document.getElementById("sig_clear").addEventListener("click",function(){x.clearRect(0,0,c.width,c.height);signed=false})}
function val(fd){var id=fd.getAttribute("data-id"),t=fd.getAttribute("data-type"),q=function(s){return [].slice.call(fd.querySelectorAll(s))};
if(t==="single_choice"||t==="scale"){var r=q("input:checked")[0];if(!r)return;return t==="scale"?Number(r.value):r.value}
if(t==="multi_choice")return q("input:checked").map(function(i){return i.value});
if(t==="checkbox")return q("input")[0].checked;
if(t==="consent")return q("input")[0].checked?true:undefined;
if(t==="health"){var o={},any=false;q("textarea").forEach(function(a){var k=a.name.split(".")[1];if(a.value.trim()){o[k]=a.value.trim();any=true}});return any?o:undefined}
var el=q("input,textarea")[0];var v=el.value.trim();return v===""?undefined:v}
function showErrors(map){fields.concat([document.querySelector('[data-type="signature"]')]).forEach(function(fd){if(!fd)return;var e=fd.querySelector(".ferr");if(e){e.hidden=true;e.textContent=""}});
var first=null;Object.keys(map).forEach(function(k){var id=k.split(".")[0];var e=id==="signature"?document.getElementById("sig_e"):document.getElementById("q_"+id+"_e");if(!e)return;e.textContent=map[k].join(" ");e.hidden=false;first=first||e});
if(first)first.parentNode.scrollIntoView({block:"center"})}
f.addEventListener("submit",function(ev){ev.preventDefault();var err=document.getElementById("err");err.hidden=true;
var answers={};fields.forEach(function(fd){var v=val(fd);if(v!==undefined)answers[fd.getAttribute("data-id")]=v});
var body={answers:answers};var hp=document.getElementById("website").value;if(hp)body.website=hp;
if(f.getAttribute("data-sign")){var n=document.getElementById("sig_name").value.trim();if(!n||!signed){showErrors({signature:[!n?"Please type your full name.":"Please sign in the box."]});return}body.signature={name:n,image:c.toDataURL("image/png")}}
var b=f.querySelector("button[type=submit]");b.disabled=true;b.textContent="Sending…";
fetch("/api/v1/public/forms/"+encodeURIComponent(token),{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify(body)}).then(function(r){return r.json().then(function(j){return{s:r.status,j:j}})}).then(function(res){
if(res.s===201){try{localStorage.removeItem(key)}catch(e){}f.hidden=true;var d=document.getElementById("done");d.hidden=false;d.focus();return}
var fe=res.j&&res.j.details&&res.j.details.fields;if(fe){showErrors(fe);err.textContent="Some answers need another look."}
else err.textContent=res.s===404?"This link has expired or was already used.":res.s===429?"Too many tries. Please wait a few minutes and send again.":"Something went wrong. Your answers are saved; please try again.";
err.hidden=false;b.disabled=false;b.textContent="Send"}).catch(function(){err.textContent="No connection. Your answers are saved; please try again.";err.hidden=false;b.disabled=false;b.textContent="Send"})})})();`;
