//! Tests of upload checks: signatures, verdict table, limits and checksums.

use super::*;
use proptest::prelude::*;

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".to_vec()
}

fn png() -> Vec<u8> {
    let mut bytes = PNG_MAGIC.to_vec();
    bytes.extend_from_slice(b"\0\0\0\rIHDR");
    bytes
}

fn jpeg() -> Vec<u8> {
    vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F']
}

#[test]
fn files_are_recognised_by_their_magic_bytes() {
    assert_eq!(sniff(&pdf()), Some(FileKind::Pdf));
    assert_eq!(sniff(&png()), Some(FileKind::Png));
    assert_eq!(sniff(&jpeg()), Some(FileKind::Jpeg));
    assert_eq!(sniff(b"GIF89a"), None);
    assert_eq!(sniff(b"%PD"), None);
    assert_eq!(sniff(&[]), None);
}

/// Declared type, file name, content, verdict.
type Case = (
    &'static str,
    &'static str,
    Vec<u8>,
    Result<FileKind, UploadIssue>,
);

#[test]
fn upload_cases_get_their_exact_verdicts() {
    use FileKind::*;
    use UploadIssue::*;
    let mut truncated = pdf();
    truncated.truncate(20);
    let mut eof_far_from_end = pdf();
    eof_far_from_end.extend(std::iter::repeat_n(b' ', PDF_EOF_WINDOW));
    let cases: Vec<Case> = vec![
        ("application/pdf", "licence.pdf", pdf(), Ok(Pdf)),
        (
            "Application/PDF; charset=binary",
            "ISO 9001.PDF",
            pdf(),
            Ok(Pdf),
        ),
        ("", "licence.pdf", pdf(), Ok(Pdf)),
        ("application/octet-stream", "factory.png", png(), Ok(Png)),
        ("image/jpeg", "line.JPEG", jpeg(), Ok(Jpeg)),
        ("image/jpg", "C:\\photos\\line.jpg", jpeg(), Ok(Jpeg)),
        ("application/pdf", "empty.pdf", vec![], Err(Empty)),
        (
            "application/pdf",
            "fake.pdf",
            b"hello".to_vec(),
            Err(UnsupportedContent),
        ),
        (
            "application/pdf",
            "photo.pdf",
            png(),
            Err(DeclaredTypeMismatch {
                declared: "application/pdf".into(),
                actual: Png,
            }),
        ),
        (
            "image/png",
            "photo.png",
            jpeg(),
            Err(DeclaredTypeMismatch {
                declared: "image/png".into(),
                actual: Jpeg,
            }),
        ),
        (
            "application/pdf",
            "licence.exe",
            pdf(),
            Err(ExtensionMismatch {
                extension: "exe".into(),
                actual: Pdf,
            }),
        ),
        (
            "application/pdf",
            "licence",
            pdf(),
            Err(ExtensionMismatch {
                extension: "".into(),
                actual: Pdf,
            }),
        ),
        (
            "application/pdf",
            ".pdf",
            pdf(),
            Err(ExtensionMismatch {
                extension: "".into(),
                actual: Pdf,
            }),
        ),
        ("application/pdf", "cut.pdf", truncated, Err(TruncatedPdf)),
        (
            "application/pdf",
            "padded.pdf",
            eof_far_from_end,
            Err(TruncatedPdf),
        ),
    ];
    for (declared, name, bytes, expected) in cases {
        assert_eq!(
            check_upload(declared, name, &bytes),
            expected,
            "{declared} {name}"
        );
    }
}

#[test]
fn the_size_limit_is_inclusive() {
    let mut bytes = pdf();
    bytes.resize(MAX_UPLOAD_BYTES - 6, b' ');
    bytes.extend_from_slice(b"%%EOF\n");
    assert_eq!(
        check_upload("application/pdf", "big.pdf", &bytes),
        Ok(FileKind::Pdf)
    );
    bytes.push(b'\n');
    assert_eq!(
        check_upload("application/pdf", "big.pdf", &bytes),
        Err(UploadIssue::TooLarge {
            size: MAX_UPLOAD_BYTES + 1,
            limit: MAX_UPLOAD_BYTES
        })
    );
}

#[test]
fn the_checksum_is_sha256_in_lowercase_hex() {
    assert_eq!(
        checksum_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

proptest! {
    #[test]
    fn an_accepted_upload_is_what_its_content_says(
        declared in "[a-z/;= -]{0,24}",
        name in "[a-zA-Z. ]{0,12}",
        bytes in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        if let Ok(kind) = check_upload(&declared, &name, &bytes) {
            prop_assert_eq!(sniff(&bytes), Some(kind));
            prop_assert!(kind.extensions().contains(&extension_of(&name).as_str()));
        }
    }

    #[test]
    fn content_without_a_known_signature_is_never_accepted(
        bytes in prop::collection::vec(any::<u8>(), 1..256),
    ) {
        prop_assume!(sniff(&bytes).is_none());
        for (declared, name) in [("application/pdf", "a.pdf"), ("image/png", "a.png"), ("image/jpeg", "a.jpg")] {
            prop_assert_eq!(check_upload(declared, name, &bytes), Err(UploadIssue::UnsupportedContent));
        }
    }
}
