// The training content is embedded with include_dir; rebuild when it changes.
fn main() {
    println!("cargo:rerun-if-changed=../../content/modules");
    println!("cargo:rerun-if-changed=../../content/cases");
    println!("cargo:rerun-if-changed=../../content/rubrics");
}
