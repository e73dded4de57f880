//! The floor under `nasss batch`, for `cargo xtask bench`: reads a CSV file and writes every
//! record back out to standard output with the csv crate and nothing else, with the same
//! buffer sizes as batch. No real batch can be faster than reading and writing its rows.
//!
//! `cargo run --release -p nasss-cli --example csv_floor -- profiles.csv > /dev/null`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or("usage: csv_floor FILE.csv")?;
    let mut reader = csv::ReaderBuilder::new()
        .buffer_capacity(64 * 1024)
        .from_path(path)?;
    let stdout = std::io::stdout();
    let mut writer = csv::WriterBuilder::new()
        .buffer_capacity(64 * 1024)
        .from_writer(stdout.lock());
    writer.write_byte_record(reader.byte_headers()?)?;
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record)? {
        writer.write_byte_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}
