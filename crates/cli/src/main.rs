//! `tie`: see the library's documentation, or `tie --help`.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = tie_cli::parse_args(&args).and_then(|a| tie_cli::run(&a));
    match result {
        Ok(text) => {
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(text.as_bytes()).is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("tie: {message}");
            ExitCode::from(2)
        }
    }
}
