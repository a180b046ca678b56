mod cli;
mod serve;

fn main() -> std::process::ExitCode {
    cli::run()
}
