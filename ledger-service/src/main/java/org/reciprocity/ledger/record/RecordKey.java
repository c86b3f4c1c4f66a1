package org.reciprocity.ledger.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;

import org.springframework.core.log.LogAccessor;

/**
 * The key that signs contribution records: ECDSA P-256 (JWS {@code ES256}), signed and checked by
 * Nimbus JOSE+JWT on the JDK's own ECDSA. Held like the checkpoint key, in a PKCS#8 file outside the
 * database, with its public key (X.509) beside it in {@code <file>.pub}: the JDK cannot derive an EC
 * public key from a private one, and whoever checks a record needs only the public half. Both are
 * created on first start if missing; the pair is checked by a signature when read.
 */
final class RecordKey {

    /** A credential as a JWS (VC 2.0 "Securing Verifiable Credentials using JOSE and COSE"). */
    static final JOSEObjectType TYPE = new JOSEObjectType("vc+jwt");
    private static final LogAccessor LOG = new LogAccessor(RecordKey.class);

    private final ECKey key;

    private RecordKey(ECPublicKey publicKey, ECPrivateKey privateKey) throws JOSEException {
        ECKey publicOnly = new ECKey.Builder(Curve.P_256, publicKey).build();
        // the key id is the RFC 7638 thumbprint of the public key: the same file gives the same id everywhere
        this.key = new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256).keyID(publicOnly.computeThumbprint().toString()).build();
    }

    /** The key in {@code file} (and {@code file.pub}), or a new pair written there. */
    static RecordKey loadOrCreate(Path file) {
        Path publicFile = publicFileOf(file);
        try {
            if (!Files.exists(file)) {
                create(file, publicFile);
            }
            KeyFactory ec = KeyFactory.getInstance("EC");
            ECPrivateKey privateKey = (ECPrivateKey) ec.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
            ECPublicKey publicKey = (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
            RecordKey key = new RecordKey(publicKey, privateKey);
            if (!key.verifies(key.sign(Map.of("probe", "reciprocity contribution record key check")))) {
                throw new IllegalStateException(publicFile.toAbsolutePath() + " is not the public half of " + file.toAbsolutePath());
            }
            LOG.info(() -> "contribution records are signed with key " + key.id() + " from " + file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the contribution record signing key at "
                    + file.toAbsolutePath() + " (reciprocity.ledger.record.key-file)", e);
        } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " does not hold an EC P-256 private key in PKCS#8", e);
        }
    }

    static Path publicFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub");
    }

    private static void create(Path file, Path publicFile) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path freshPrivate = Files.createTempFile(dir, ".record-key", ".tmp");
        Path freshPublic = Files.createTempFile(dir, ".record-key-pub", ".tmp");
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(freshPrivate, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(freshPrivate, pair.getPrivate().getEncoded());
            Files.write(freshPublic, pair.getPublic().getEncoded());
            // the public half first, so a reader who finds the private file finds its public one too;
            // no replace: of two instances starting at once on one volume, the first key stays
            Files.move(freshPublic, publicFile);
            Files.move(freshPrivate, file);
            LOG.warn(() -> "no contribution record signing key was found, so a new one was generated at "
                    + file.toAbsolutePath() + ". Keep it (and a copy) safe: records already given out check only with it.");
        } catch (FileAlreadyExistsException raced) {
            LOG.info(() -> "another instance created the contribution record signing key at " + file.toAbsolutePath() + " first");
        } finally {
            Files.deleteIfExists(freshPrivate);
            Files.deleteIfExists(freshPublic);
        }
    }

    String id() {
        return key.getKeyID();
    }

    /** The credential signed as a compact JWS: header {@code alg ES256}, {@code kid}, {@code typ vc+jwt}. */
    String sign(Map<String, Object> credential) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(id()).type(TYPE).build();
            JWSObject jws = new JWSObject(header, new Payload(credential));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a contribution record", e);
        }
    }

    boolean verifies(String compactJws) {
        try {
            return JWSObject.parse(compactJws).verify(new ECDSAVerifier(key.toPublicJWK()));
        } catch (java.text.ParseException | JOSEException malformed) {
            return false;
        }
    }

    /** The public key as a JWK Set: what anyone checks a record with. */
    Map<String, Object> publicKeys() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }
}
