use clap::Parser;

use jobmap::cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    jobmap::telemetry::init(&cli.config.log_format);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.config),
        other => jobmap::cli::run(other, &cli.config),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jobmap: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn serve(config: jobmap::config::Config) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        jobmap::startup::Application::build(config)?
            .run_until_stopped()
            .await?;
        Ok(())
    })
}
