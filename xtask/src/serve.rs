//! `cargo xtask serve [--port N] [--no-open]`: runs `dist`, then serves `dist/` on 127.0.0.1
//! with a small static-file server (std only, one thread per connection, no caching), prints the
//! address and tries to open it in the desktop's browser. The self-contained page is at `/`, the
//! multi-file variant at `/hosted/`. The browser tests serve `dist/` the same way
//! ([`in_background`]).

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

const DEFAULT_PORT: u16 = 8080;

struct Options {
    /// `None`: the default port, or any free one if that is taken.
    port: Option<u16>,
    open: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            port: None,
            open: true,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--no-open" => options.open = false,
                "--port" => {
                    let value = args.next().context("`--port` needs a number")?;
                    options.port = Some(parse_port(value)?);
                }
                other => match other.strip_prefix("--port=") {
                    Some(value) => options.port = Some(parse_port(value)?),
                    None => bail!(
                        "unknown option `{other}` (usage: cargo xtask serve [--port N] [--no-open])"
                    ),
                },
            }
        }
        Ok(options)
    }
}

fn parse_port(value: &str) -> Result<u16> {
    value
        .parse()
        .with_context(|| format!("`--port {value}`: not a port number"))
}

pub fn run(args: &[String]) -> Result<()> {
    let options = Options::parse(args)?;
    let dist = crate::dist::run(&[])?;
    let dir = dist.dir;
    let listener = bind(options.port)?;
    let url = format!("http://{}/", listener.local_addr()?);
    println!("\nServing {} at {url}", dir.display());
    println!("  one self-contained page: {url}");
    println!("  multi-file variant:      {url}hosted/");
    println!("Press Ctrl-C to stop.");
    if options.open {
        open_browser(&url);
    }
    serve_forever(listener, dir);
    Ok(())
}

/// Serves `dir` on a free port of 127.0.0.1 from a background thread for as long as the xtask
/// runs; returns the address. The browser tests use it for the multi-file variant.
pub fn in_background(dir: PathBuf) -> Result<std::net::SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).context("could not listen on 127.0.0.1")?;
    let address = listener.local_addr()?;
    thread::spawn(move || serve_forever(listener, dir));
    Ok(address)
}

fn serve_forever(listener: TcpListener, dir: PathBuf) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let dir = dir.clone();
        thread::spawn(move || {
            if let Err(error) = respond(stream, &dir) {
                eprintln!("serve: {error:#}");
            }
        });
    }
}

fn bind(port: Option<u16>) -> Result<TcpListener> {
    match port {
        Some(port) => TcpListener::bind(("127.0.0.1", port))
            .with_context(|| format!("could not listen on 127.0.0.1:{port}")),
        None => TcpListener::bind(("127.0.0.1", DEFAULT_PORT)).or_else(|_| {
            eprintln!("serve: port {DEFAULT_PORT} is taken; using a free one");
            TcpListener::bind(("127.0.0.1", 0)).context("could not listen on 127.0.0.1")
        }),
    }
}

/// Opens `url` with the desktop's opener if there is one; never fails, since serving works
/// without it.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let found = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).any(|dir| dir.join(opener).is_file()))
        .unwrap_or(false);
    if !found {
        println!("(no {opener} here: open the address yourself)");
        return;
    }
    match Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(mut child) => {
            thread::spawn(move || child.wait());
        }
        Err(error) => println!("(could not run {opener}: {error}; open the address yourself)"),
    }
}

/// Answers one HTTP/1.1 request on `stream` from the files under `dir`, then closes it.
fn respond(stream: TcpStream, dir: &Path) -> Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let reply = match method {
        "GET" | "HEAD" => lookup(dir, target),
        _ => Reply::status(405, "Method Not Allowed"),
    };
    reply.send(stream, method == "HEAD")
}

struct Reply {
    status: u16,
    reason: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn status(status: u16, reason: &'static str) -> Reply {
        Reply {
            status,
            reason,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
            body: format!("{status} {reason}\n").into_bytes(),
        }
    }

    fn send(self, mut stream: TcpStream, head_only: bool) -> Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
             Content-Security-Policy: frame-ancestors 'none'\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(&self.body)?;
        }
        stream.flush()?;
        Ok(())
    }
}

/// The reply for a request target: the file, `index.html` for a folder, a redirect that adds
/// the slash to a folder named without one, or 404. Nothing outside `dir` is reachable.
fn lookup(dir: &Path, target: &str) -> Reply {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(relative) = safe_relative(&percent_decode(path)) else {
        return Reply::status(404, "Not Found");
    };
    let mut file = dir.join(&relative);
    if file.is_dir() {
        if !path.ends_with('/') {
            let mut reply = Reply::status(301, "Moved Permanently");
            reply.headers.push(("Location", format!("{path}/")));
            return reply;
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => Reply {
            status: 200,
            reason: "OK",
            headers: vec![("Content-Type", content_type(&file).into())],
            body,
        },
        Err(_) => Reply::status(404, "Not Found"),
    }
}

/// The request path as a relative path of plain names, or `None` if it tries to climb out.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let mut relative = PathBuf::new();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(name) => relative.push(name),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(relative)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn options() {
        let parse = |args: &[&str]| {
            Options::parse(&args.iter().map(|arg| arg.to_string()).collect::<Vec<_>>())
        };
        let options = parse(&["--port", "9000", "--no-open"]).unwrap();
        assert_eq!((options.port, options.open), (Some(9000), false));
        let options = parse(&["--port=9001"]).unwrap();
        assert_eq!((options.port, options.open), (Some(9001), true));
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "http"]).is_err());
        assert!(parse(&["--open-sesame"]).is_err());
    }

    #[test]
    fn paths_stay_inside_the_folder() {
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
        assert_eq!(
            safe_relative("/hosted/nasss_web.js"),
            Some(PathBuf::from("hosted/nasss_web.js"))
        );
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative(&percent_decode("/%2e%2e/secret")), None);
        assert_eq!(percent_decode("/a%20b%zz"), "/a b%zz");
    }

    fn get(address: std::net::SocketAddr, target: &str) -> String {
        let mut stream = TcpStream::connect(address).unwrap();
        write!(stream, "GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).unwrap();
        reply
    }

    #[test]
    fn serves_files_folders_and_errors() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("hosted")).unwrap();
        std::fs::write(dir.join("index.html"), "<p>one file</p>").unwrap();
        std::fs::write(dir.join("hosted/app.wasm"), b"\0asm").unwrap();
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let address = listener.local_addr().unwrap();
        let served = dir.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                respond(stream.unwrap(), &served).unwrap();
            }
        });

        let index = get(address, "/?fresh=1");
        assert!(index.starts_with("HTTP/1.1 200 OK\r\n"), "{index}");
        assert!(index.contains("Content-Type: text/html; charset=utf-8\r\n"));
        // The one part of the policy a `<meta>` element cannot set: no site may frame the page.
        assert!(index.contains("Content-Security-Policy: frame-ancestors 'none'\r\n"));
        assert!(index.ends_with("\r\n\r\n<p>one file</p>"));
        let wasm = get(address, "/hosted/app.wasm");
        assert!(
            wasm.contains("Content-Type: application/wasm\r\n"),
            "{wasm}"
        );
        let folder = get(address, "/hosted");
        assert!(folder.starts_with("HTTP/1.1 301"), "{folder}");
        assert!(folder.contains("Location: /hosted/\r\n"));
        assert!(get(address, "/missing.js").starts_with("HTTP/1.1 404"));
        assert!(get(address, "/../Cargo.toml").starts_with("HTTP/1.1 404"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
